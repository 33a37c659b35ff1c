package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.QuorumPolicy;
import io.sideline.protocol.Accepted;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LiveFeedView;
import io.sideline.ui.internal.views.PaletteView;

/**
 * A lone analyst codes a local match (quorum 1) at speed: every key is an event at once, whatever the other team
 * did a second before; a report the sport's rules turn down says why in the palette's list. Keys are posted to the
 * display as a keyboard sends them. Saves screenshots in target/screenshots/.
 */
class SoloCodingTest {

    @TempDir
    static Path data;

    @AfterEach
    void leave() {
        Ui.leave();
        Ui.pump(200);
    }

    private static PaletteView start(String name) throws Exception {
        return Ui.localMatch(name, List.of("Lions", "Tigers"), data.resolve(name.replace(' ', '-')));
    }

    private static List<String> accepted(LiveFeedView feed) {
        List<String> out = new ArrayList<>();
        feed.rows().stream().map(LiveFeedView.Row::accepted).filter(Objects::nonNull).map(Accepted::event)
                .forEach(e -> out.add(e.title() + " · " + e.origin()));
        return out;
    }

    @Test
    void aBurstOfFifteenKeysIsFifteenAcceptedEvents() throws Exception {
        PaletteView palette = start("Burst");
        LiveFeedView feed = (LiveFeedView) Ui.page().showView(SidelineUi.VIEW_FEED);
        Keyboard.focus(feed.table());

        // S X ⇧S ⇧X F F ⇧C K I ⇧I V ⇧V ⇧F C C, as fast as the keyboard sends them
        Keyboard k = new Keyboard();
        k.type('s').type('x').shift('s').shift('x').type('f').type('f').shift('c').type('k').type('i').shift('i')
                .type('v').shift('v').shift('f').type('c').type('c');
        assertEquals(15, k.strokes());

        Ui.until("15 events are in the feed", () -> accepted(feed).size() == 15,
                () -> "feed " + accepted(feed) + "; your reports " + Ui.session().reports());
        List<String> expected = List.of("Shot on target · Lions", "Shot off target · Lions", "Shot on target · Tigers",
                "Shot off target · Tigers", "Foul · Lions", "Foul · Lions", "Corner · Tigers", "Free kick · Lions",
                "Offside · Lions", "Offside · Tigers", "Save · Lions", "Save · Tigers", "Foul · Tigers",
                "Corner · Lions", "Corner · Lions");
        List<String> inFeed = new ArrayList<>(accepted(feed));
        java.util.Collections.sort(inFeed);
        List<String> sorted = new ArrayList<>(expected);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, inFeed, "every key is one event, none lost");
        Ui.until("the palette's list says every report was accepted", () -> Ui.session().reports().stream()
                .allMatch(r -> r.state() == io.sideline.peer.PendingReport.State.ACCEPTED));
        Ui.screenshot(Ui.window().getShell(), "solo-burst-15.png");
    }

    @Test
    void aGoalForTheOtherTeamSecondsAfterAGoalIsTurnedDownAtOnceAndThePaletteSaysWhy() throws Exception {
        PaletteView palette = start("Two goals");
        LiveFeedView feed = (LiveFeedView) Ui.page().showView(SidelineUi.VIEW_FEED);
        Keyboard.focus(feed.table());

        new Keyboard().type('g');
        Ui.until("the home goal is in the feed", () -> accepted(feed).contains("Goal · Lions"));
        new Keyboard().shift('g');

        // long before the client's 60 s timeout: the host says so as soon as the vote decides
        Ui.until("the away goal's row says why it was not accepted", () -> rowText(palette).stream()
                .anyMatch(t -> t.contains("Goal · Tigers") && t.contains("not accepted: Goal by Lions was already "
                        + "accepted")), () -> "rows " + rowText(palette));
        String row = rowText(palette).stream().filter(t -> t.contains("Goal · Tigers")).findFirst().orElseThrow();
        assertTrue(row.contains("only one side can have a Goal within 1 min"), row);
        assertEquals(List.of("Goal · Lions"), accepted(feed));
        Ui.screenshot(Ui.window().getShell(), "solo-goal-refused.png");
    }

    private static List<String> rowText(PaletteView palette) {
        List<String> rows = new ArrayList<>();
        for (TableItem i : palette.pendingTable().getItems()) {
            rows.add(i.getText(1) + " | " + i.getText(2));
        }
        return rows;
    }
}
