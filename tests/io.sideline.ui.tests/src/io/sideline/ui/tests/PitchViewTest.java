package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.QuorumPolicy;
import io.sideline.protocol.Location;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LiveFeedView;
import io.sideline.ui.internal.views.PaletteView;
import io.sideline.ui.internal.views.PitchView;

/**
 * The Pitch view as an analyst uses it, with the real mouse and keyboard (events posted to the display): a click on
 * the pitch, then the action's key, and the accepted event's Where in the Live Feed is the clicked point; a key of
 * the numeric keypad, then the key, and it is the zone's centre, turned to the away side's view for an away report;
 * Esc clears a location set by mistake.
 */
class PitchViewTest {

    @TempDir
    static Path data;

    @AfterEach
    void leave() {
        Ui.leave();
        Ui.pump(200);
    }

    private static <T> T view(String id, Class<T> type) throws Exception {
        return type.cast(Ui.page().showView(id));
    }

    @Test
    void aClickOnThePitchThenTheKeyGivesTheEventThatPlaceAndTheKeypadItsZones() throws Exception {
        PaletteView palette = Ui.localMatch("Pitch", List.of("Lions", "Tigers"), data.resolve("pitch"));
        PitchView pitch = view(SidelineUi.VIEW_PITCH, PitchView.class);
        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        Ui.until("the pitch invites a click", () -> PitchView.HINT.equals(pitch.line().getText()),
                () -> pitch.line().getText());
        assertTrue(pitch.canvas().getSize().x > 200 && pitch.canvas().getSize().y > 120,
                "the pitch is drawn big enough to click: " + pitch.canvas().getSize());
        Ui.page().activate(palette);
        palette.setFocus();
        Ui.pump(200);

        // a click near the Tigers' box, then S: the Lions' shot on target there
        click(pitch, new Location(88, 40));
        Ui.until("the line says where the next report is", () -> pitch.line().getText().startsWith("Next report at "),
                () -> pitch.line().getText());
        double[] armed = numbers(pitch.line().getText().substring("Next report at ".length()).replace(" · Esc clears", ""));
        assertNear(88, 40, armed, "the clicked point, as the line says it");
        key('s', false);
        String where = whereOf(feed, "Shot on target", "Lions", 1);
        assertNear(88, 40, numbers(where), "the feed's Where is the clicked point: " + where);
        assertEquals(PitchView.HINT, pitch.line().getText(), "the report used the location up");

        // keypad 3: the bottom right zone, then S
        key(SWT.KEYPAD_3);
        Ui.until("keypad 3 sets the bottom right zone", () -> pitch.line().getText().equals(
                "Next report at 83.3, 83.3 · Esc clears"), () -> pitch.line().getText());
        key('s', false);
        assertEquals("83.3, 83.3", whereOf(feed, "Shot on target", "Lions", 2));

        // keypad 7 (top left, in front of the Lions' goal), then Shift+S: the Tigers attack right to left, so on
        // their side's pitch, as the protocol counts, that is near the goal they attack
        key(SWT.KEYPAD_7);
        Ui.until("keypad 7 sets the top left zone", () -> pitch.line().getText().equals(
                "Next report at 16.7, 16.7 · Esc clears"), () -> pitch.line().getText());
        key('s', true);
        assertEquals("83.3, 83.3", whereOf(feed, "Shot on target", "Tigers", 1));

        // Esc clears a location set by mistake: the next report has none
        click(pitch, new Location(30, 70));
        Ui.until("the click is taken", () -> pitch.line().getText().startsWith("Next report at "),
                () -> pitch.line().getText());
        key(SWT.ESC);
        Ui.until("Esc clears it", () -> PitchView.HINT.equals(pitch.line().getText()), () -> pitch.line().getText());
        key('x', false);
        assertEquals("", whereOf(feed, "Shot off target", "Lions", 1), "no location, no Where");

        // a team has one colour: its dots on the pitch are its bars and lines in every chart
        io.sideline.ui.internal.views.StatisticsView stats = view(SidelineUi.VIEW_STATISTICS,
                io.sideline.ui.internal.views.StatisticsView.class);
        org.eclipse.swt.graphics.RGB lions = io.sideline.ui.internal.views.TeamColours.of(List.of("Lions", "Tigers"), "Lions");
        java.awt.Color chartLions = (java.awt.Color) stats.chart().getCategoryPlot().getRenderer().getSeriesPaint(0);
        assertEquals(lions, new org.eclipse.swt.graphics.RGB(chartLions.getRed(), chartLions.getGreen(), chartLions.getBlue()),
                "the home team's colour on the Pitch view and in the counts chart");
        Ui.page().showView(SidelineUi.VIEW_PITCH);

        // for the screenshot: a location set for the next report, beside the shots
        click(pitch, new Location(91, 52));
        Ui.until("the marker is set", () -> pitch.line().getText().startsWith("Next report at "));
        Path shot = Ui.screenshot(Ui.window().getShell(), "pitch-live.png");
        assertTrue(Ui.colours(shot) > 50, "a drawn workbench");
        Path alone = Ui.screenshot(pitch.canvas().getParent(), "pitch-view.png");
        assertTrue(Ui.colours(alone) > 5, "a drawn pitch");
        Ui.session().nextLocation(null);
    }

    /**
     * clicks the pitch where a location is drawn: the pointer moves there for real (posted to the display); the
     * button goes to the pitch as the widget's own mouse event, because SWT's GTK 3 {@code Display.post} of a
     * button gives the event root coordinates 0, 0 under Xvfb (seen: the canvas got -1, -601 for a click at its
     * middle)
     */
    private static void click(PitchView pitch, Location at) {
        Display d = Display.getCurrent();
        Point local = pitch.toCanvas(at);
        Point p = pitch.canvas().toDisplay(local);
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = p.x;
        move.y = p.y;
        assertTrue(d.post(move), "the mouse moves");
        Ui.pump(100);
        assertEquals(pitch.canvas(), d.getCursorControl(), "the pointer is over the pitch");
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            Event e = new Event();
            e.button = 1;
            e.x = local.x;
            e.y = local.y;
            pitch.canvas().notifyListeners(type, e);
        }
        Ui.pump(200);
    }

    /** presses and releases a letter, with Shift when asked */
    private static void key(char c, boolean shift) {
        if (shift) {
            post(SWT.KeyDown, SWT.SHIFT, (char) 0);
        }
        post(SWT.KeyDown, 0, c);
        post(SWT.KeyUp, 0, c);
        if (shift) {
            post(SWT.KeyUp, SWT.SHIFT, (char) 0);
        }
        Ui.pump(200);
    }

    /** presses and releases a key that is no character: the keypad's, Esc */
    private static void key(int keyCode) {
        post(SWT.KeyDown, keyCode, (char) 0);
        post(SWT.KeyUp, keyCode, (char) 0);
        Ui.pump(200);
    }

    private static void post(int type, int keyCode, char c) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = c;
        assertTrue(Display.getCurrent().post(e), "the key is posted");
    }

    /** @return the Where cell of the n-th accepted row of an action and team, once it is in the feed */
    private static String whereOf(LiveFeedView feed, String action, String origin, int n) {
        Table t = feed.table();
        int where = column(t, "Where");
        String[] found = new String[1];
        Ui.until("the feed has " + n + " × " + action + " · " + origin, () -> {
            int seen = 0;
            for (int i = 0; i < feed.rows().size(); i++) {
                LiveFeedView.Row r = feed.rows().get(i);
                if (r.accepted() != null && r.accepted().event().title().equals(action)
                        && r.accepted().event().origin().equals(origin) && ++seen == n) {
                    TableItem item = t.getItem(i);
                    found[0] = item.getText(where);
                    return item.getText(2).equals(action);
                }
            }
            return false;
        }, () -> "rows " + feed.rows());
        return found[0];
    }

    private static int column(Table t, String header) {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumn(i).getText().equals(header)) {
                return i;
            }
        }
        throw new AssertionError("the feed has a column " + header);
    }

    private static double[] numbers(String xy) {
        String[] parts = xy.split(", ");
        assertEquals(2, parts.length, "\"x, y\": " + xy);
        return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) };
    }

    private static void assertNear(double x, double y, double[] actual, String what) {
        assertTrue(Math.abs(actual[0] - x) <= 1.5 && Math.abs(actual[1] - y) <= 1.5,
                what + ": " + actual[0] + ", " + actual[1] + " is not near " + x + ", " + y);
    }
}
