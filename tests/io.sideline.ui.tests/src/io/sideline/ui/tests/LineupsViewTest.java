package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.QuorumPolicy;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LineupsView;
import io.sideline.ui.internal.views.PaletteView;

/**
 * The Line-ups view of a local match: the owner types players in from the keyboard (number, Tab, name, Tab, position,
 * Enter) and reads them back in the team's table; a StatsBomb line-ups file is imported, the palette's player field
 * then suggests its players, and an accepted substitution moves a player off the pitch. Saves
 * {@code target/screenshots/lineups-view.png} and {@code lineups-turkey-italy.png}.
 */
class LineupsViewTest {

    static final Path LINEUPS = Path.of(System.getProperty("sideline.root", "../.."), "examples", "data", "statsbomb",
            "3788741_lineups.json");

    @TempDir
    Path dir;

    @AfterEach
    void leave() {
        Ui.leave();
        Ui.pump(200);
    }

    private static LineupsView lineupsView() throws Exception {
        return (LineupsView) Ui.page().showView(SidelineUi.VIEW_LINEUPS);
    }

    @Test
    void theOwnerTypesAPlayerInAndReadsItBack() throws Exception {
        Ui.bigWindow();
        LiveSession session = Ui.session();
        session.startLocal("Lions – Tigers", session.sport("football"), List.of("Lions", "Tigers"), QuorumPolicy.SOLO,
                dir.resolve("typed"));
        LineupsView view = lineupsView();
        Ui.until("the view shows the teams, editable", () -> view.table("Lions") != null && session.ownsMatch()
                && field("number").isEnabled());

        Text number = field("number");
        Ui.until("the cursor is in the number field", () -> {
            if (!number.isFocusControl()) {
                Ui.page().activate(view);
                number.setFocus();
                Ui.pump(100);
            }
            return number.isFocusControl();
        }, () -> "focus " + Display.getCurrent().getFocusControl());
        type("7\tAda Keeper\tGoalkeeper\r");

        Ui.until("Ada Keeper is in the Lions' table", () -> view.rows("Lions").contains(
                "7 | on | Ada Keeper | Goalkeeper | starting"), () -> "rows " + view.rows("Lions") + ", hint "
                        + view.hint() + ", problem " + session.problem() + ", fields " + field("number").getText()
                        + "/" + field("name").getText() + "/" + field("position").getText() + ", focus "
                        + Display.getCurrent().getFocusControl() + ", active shell " + Display.getCurrent().getActiveShell());
        assertEquals("Added #7 Ada Keeper (Lions), starting.", view.hint());
        assertTrue(number.isFocusControl(), "ready for the next player");
        assertEquals("", number.getText());

        type("10\tBo Striker\r");
        Ui.until("a second player, without a position", () -> view.rows("Lions").size() == 2,
                () -> "rows " + view.rows("Lions"));
        assertEquals(List.of("7 | on | Ada Keeper | Goalkeeper | starting", "10 | on | Bo Striker |  | starting"),
                view.rows("Lions"));
        assertEquals("Ada Keeper", session.player("Lions", 7).orElseThrow().name(), "the session's lookup by shirt");
        assertTrue(session.player("Tigers", 7).isEmpty());
        Ui.screenshot(Ui.window().getShell(), "lineups-view.png");
    }

    @Test
    void aStatsBombFileIsImportedThePaletteSuggestsItsPlayersAndASubstitutionMovesOneOff() throws Exception {
        Ui.bigWindow();
        LiveSession session = Ui.session();
        session.startLocal("Turkey – Italy", session.sport("football"), List.of("Turkey", "Italy"), QuorumPolicy.SOLO,
                dir.resolve("imported"));
        LineupsView view = lineupsView();
        Ui.until("the view is editable", () -> view.table("Italy") != null && session.ownsMatch());

        assertEquals(List.of("Italy", "Turkey"), view.importFile(LINEUPS, true));

        Ui.until("both squads are shown", () -> view.rows("Italy").size() == 23 && view.rows("Turkey").size() == 23,
                () -> "rows " + view.rows("Italy").size() + "/" + view.rows("Turkey").size());
        assertTrue(view.rows("Italy").contains("17 | on | Ciro Immobile | Center Forward | starting"), view.rows("Italy")
                .toString());
        PaletteView palette = (PaletteView) Ui.page().showView(SidelineUi.VIEW_PALETTE);
        assertEquals("Ciro Immobile", palette.playerSuggestions("immo").get(0), "the roster is suggested first");
        assertTrue(palette.playerSuggestions("#17").contains("Ciro Immobile"), "by shirt number too");

        assertNotNull(session.report("Substitution", "Italy", "Ciro Immobile"));
        Ui.until("Immobile went off", () -> view.rows("Italy").contains(
                "17 | off | Ciro Immobile | Center Forward | starting"), () -> "rows " + view.rows("Italy"));
        lineupsView();
        Ui.screenshot(Ui.window().getShell(), "lineups-turkey-italy.png");
    }

    private static Text field(String name) {
        Text[] found = new Text[1];
        Ui.walk(Ui.window().getShell(), c -> {
            if (c instanceof Text t && name.equals(t.getData(LineupsView.DATA_FIELD))) {
                found[0] = t;
            }
        });
        assertNotNull(found[0], "the " + name + " field of the Line-ups view");
        return found[0];
    }

    /** types as a keyboard does: key down and up for each character, Shift held for capitals */
    private static void type(String keys) {
        Display display = Display.getCurrent();
        for (char c : keys.toCharArray()) {
            boolean shift = Character.isUpperCase(c);
            if (shift) {
                post(display, SWT.KeyDown, SWT.SHIFT, '\0');
            }
            int code = c == '\t' ? SWT.TAB : c == '\r' ? SWT.CR : 0;
            post(display, SWT.KeyDown, code, code == 0 ? c : '\0');
            post(display, SWT.KeyUp, code, code == 0 ? c : '\0');
            if (shift) {
                post(display, SWT.KeyUp, SWT.SHIFT, '\0');
            }
            Ui.pump(15);
        }
        Ui.pump(100);
    }

    private static void post(Display display, int type, int keyCode, char character) {
        Event e = new Event();
        e.type = type;
        e.keyCode = keyCode;
        e.character = character;
        assertTrue(display.post(e), "the key was posted");
    }
}
