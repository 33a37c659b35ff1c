package io.sideline.peer.tests;

import static io.sideline.peer.tests.Messages.confirmation;
import static io.sideline.peer.tests.Messages.first;
import static io.sideline.peer.tests.Messages.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;

/** What {@link Timeline} makes of each accepted message, and what it tells its listeners. */
class TimelineTest {

    private final Accepted goal = first(1, "e-goal", "Goal", "Italy", 53, 2);
    private final Accepted corner = first(2, "e-corner", "Corner", "Turkey", 55, 2);
    private final Accepted goalConfirmed = confirmation(goal, 3, 4);
    private final Accepted ownGoal = next(goal, 4, Accepted.Status.AMENDED,
            new TimelineEvent("Own goal", "Turkey", goal.event().time()));
    private final Accepted cornerRetracted = next(corner, 5, Accepted.Status.RETRACTED, corner.event());

    private List<Accepted> all() {
        return List.of(goal, corner, goalConfirmed, ownGoal, cornerRetracted);
    }

    @Test
    void eachMessageIsNamedForWhatItIs() {
        Timeline t = new Timeline();
        assertEquals(Timeline.Kind.NEW, t.apply(goal));
        assertEquals(Timeline.Kind.NEW, t.apply(corner));
        assertEquals(Timeline.Kind.CONFIRMATION, t.apply(goalConfirmed));
        assertEquals(Timeline.Kind.NEW_VERSION, t.apply(ownGoal));
        assertEquals(Timeline.Kind.NEW_VERSION, t.apply(cornerRetracted));
        assertEquals(Timeline.Kind.DUPLICATE, t.apply(goal), "seq 1 again");
        assertEquals(Timeline.Kind.DUPLICATE, t.apply(confirmation(goal, 3, 9)), "seq 3 again, whatever it says");
        assertEquals(Timeline.Kind.STALE, t.apply(confirmation(goal, 6, 8)), "version 1 after version 2");

        assertEquals(6, t.lastSeq());
        assertEquals(6, t.contiguousSeq());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), t.seqs());
        assertEquals(List.of(goal, goalConfirmed, ownGoal, confirmation(goal, 6, 8)), t.history("e-goal"));
        assertEquals(List.of(), t.history("e-nothing"));
    }

    @Test
    void latestIsTheCurrentVersionOfEachEventInTheOrderOfFirstAcceptance() {
        Timeline t = Timeline.of(List.of(goal, corner, goalConfirmed));
        List<Accepted> latest = t.latest();
        assertEquals(List.of("e-goal", "e-corner"), latest.stream().map(Accepted::id).toList());
        Accepted g = latest.get(0);
        assertEquals(1, g.seq(), "the version's first message");
        assertEquals(4, g.votes(), "with the confirmation's votes");
        assertEquals(1.0, g.confidence(), "and confidence");

        t.apply(ownGoal);
        t.apply(cornerRetracted);
        assertEquals(List.of(ownGoal, cornerRetracted), t.latest(), "the amendment and the tombstone, in first order");
        assertEquals(Accepted.Status.RETRACTED, t.latest("e-corner").orElseThrow().status());
        assertEquals(List.of(goal, corner, goalConfirmed, ownGoal, cornerRetracted), t.all());
    }

    @Test
    void aConfirmationWithFewerVotesDoesNotLowerThem() {
        Timeline t = Timeline.of(List.of(goal, confirmation(goal, 2, 6), confirmation(goal, 3, 3)));
        assertEquals(6, t.latest("e-goal").orElseThrow().votes());
    }

    @Test
    void theOrderOfApplicationDoesNotChangeTheResult() {
        Timeline inOrder = Timeline.of(all());
        List<Accepted> shuffled = new ArrayList<>(all());
        Collections.shuffle(shuffled, new Random(7));
        Timeline t = new Timeline();
        shuffled.forEach(t::apply);
        assertEquals(inOrder.all(), t.all());
        assertEquals(inOrder.latest(), t.latest());
    }

    @Test
    void aGapIsVisible() {
        Timeline t = Timeline.of(List.of(goal, cornerRetracted));
        assertEquals(5, t.lastSeq());
        assertEquals(1, t.contiguousSeq(), "seq 2 to 4 are missing");
    }

    @Test
    void listenersHearEveryChangeButNoDuplicateAndMayReadTheTimelineFromAnotherThread() throws Exception {
        Timeline t = new Timeline();
        List<Timeline.Change> heard = new CopyOnWriteArrayList<>();
        List<Integer> sizesSeenElsewhere = new CopyOnWriteArrayList<>();
        Runnable remove = t.addListener(change -> {
            heard.add(change);
            // another thread reads the timeline while the listener waits: this deadlocks if the lock is held
            try {
                sizesSeenElsewhere.add(CompletableFuture.supplyAsync(() -> t.all().size()).get(10, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError("the timeline was locked while its listener ran", e);
            }
        });
        t.apply(goal);
        t.apply(goalConfirmed);
        t.apply(goal);
        t.apply(ownGoal);

        assertEquals(List.of(Timeline.Kind.NEW, Timeline.Kind.CONFIRMATION, Timeline.Kind.NEW_VERSION),
                heard.stream().map(Timeline.Change::kind).toList(), "the duplicate was not passed on");
        assertEquals(4, heard.get(1).current().votes(), "a change carries the event as it now stands");
        assertEquals(ownGoal, heard.get(2).current());
        assertEquals(List.of(1, 2, 3), sizesSeenElsewhere, "each message was in before its listeners ran");

        remove.run();
        t.apply(corner);
        assertEquals(3, heard.size(), "a removed listener hears nothing more");
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearingOrTheMessageFromBeingApplied() {
        Timeline t = new Timeline();
        List<Timeline.Change> heard = new CopyOnWriteArrayList<>();
        t.addListener(change -> {
            throw new IllegalStateException("boom");
        });
        t.addListener(heard::add);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> t.apply(goal),
                "the listener's failure is not swallowed");
        assertEquals("boom", thrown.getMessage());
        assertEquals(1, heard.size());
        assertTrue(t.latest("e-goal").isPresent());
    }
}
