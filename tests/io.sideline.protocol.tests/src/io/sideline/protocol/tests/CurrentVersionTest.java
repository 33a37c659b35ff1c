package io.sideline.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.CurrentVersion;
import io.sideline.protocol.TimelineEvent;

/** The one rule for which version of an event is current. */
class CurrentVersionTest {

    private static final Instant T = Instant.parse("2021-06-11T19:00:00Z");

    private static Accepted message(String id, long seq, int version, Accepted.Status status, String title, int votes,
            double confidence) {
        return new Accepted(T.plusSeconds(seq), id, seq, version, status, new TimelineEvent(title, "Italy", T), votes,
                confidence, null);
    }

    private final Accepted first = message("e1", 1, 1, Accepted.Status.ACCEPTED, "Goal", 2, 0.5);
    private final Accepted confirmed = message("e1", 3, 1, Accepted.Status.ACCEPTED, "Goal", 4, 0.8);
    private final Accepted amended = message("e1", 5, 2, Accepted.Status.AMENDED, "Own goal", 3, 0.6);
    private final Accepted retracted = message("e1", 7, 3, Accepted.Status.RETRACTED, "Own goal", 3, 0.6);

    @Test
    void theFirstMessageOfAnEventIsCurrent() {
        assertSame(first, CurrentVersion.merge(null, first));
        assertNull(CurrentVersion.of(List.of()));
    }

    @Test
    void aHigherVersionReplacesAndALowerOneArrivingLateChangesNothing() {
        assertSame(amended, CurrentVersion.merge(first, amended));
        assertSame(amended, CurrentVersion.merge(amended, confirmed));
        assertSame(retracted, CurrentVersion.merge(amended, retracted), "a retraction is the tombstone");
        assertSame(retracted, CurrentVersion.merge(retracted, first));
    }

    @Test
    void aConfirmationAddsItsVotesToTheFirstMessageOfItsVersion() {
        Accepted current = CurrentVersion.merge(first, confirmed);
        assertEquals(new Accepted(first.time(), "e1", 1, 1, Accepted.Status.ACCEPTED, first.event(), 4, 0.8, null),
                current);
        Accepted fewer = message("e1", 4, 1, Accepted.Status.ACCEPTED, "Goal", 3, 0.7);
        assertSame(current, CurrentVersion.merge(current, fewer), "votes and confidence never go down");
    }

    @Test
    void theFirstMessageOfAVersionDecidesWhatItSaysEvenWhenItArrivesLast() {
        Accepted conflicting = message("e1", 2, 1, Accepted.Status.ACCEPTED, "Shot off target", 9, 1.0);
        Accepted current = CurrentVersion.merge(conflicting, first);
        assertEquals("Goal", current.event().title());
        assertEquals(1, current.seq());
        assertEquals(9, current.votes());
        assertEquals(1.0, current.confidence());
    }

    @Test
    void aDuplicateSeqChangesNothing() {
        Accepted sameSeq = message("e1", 1, 1, Accepted.Status.ACCEPTED, "Corner", 9, 1.0);
        assertSame(first, CurrentVersion.merge(first, sameSeq));
    }

    @Test
    void theResultDoesNotDependOnTheOrder() {
        List<Accepted> all = List.of(first, message("e1", 2, 1, Accepted.Status.ACCEPTED, "Shot", 5, 0.2), confirmed,
                amended, message("e1", 6, 2, Accepted.Status.RETRACTED, "Goal", 9, 0.9));
        Accepted expected = new Accepted(amended.time(), "e1", 5, 2, Accepted.Status.AMENDED, amended.event(), 9, 0.9,
                null);
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < all.size(); j++) {
                List<Accepted> order = new ArrayList<>(all);
                Collections.swap(order, 0, i);
                Collections.swap(order, all.size() - 1, j);
                assertEquals(expected, CurrentVersion.of(order), "after " + order);
                assertEquals(expected, CurrentVersion.of(order.reversed()), "after the reverse of " + order);
            }
        }
    }

    @Test
    void messagesOfAnotherEventAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CurrentVersion.merge(first, message("e2", 2, 1, Accepted.Status.ACCEPTED, "Goal", 2, 0.5)));
    }
}
