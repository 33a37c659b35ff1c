package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.keys.IBindingService;
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
 * The palette's keys are Eclipse key bindings that work wherever the focus is in the Live perspective, except
 * in a text field; a shirt number typed first names the player; the Keys preference page lists them; Edit ›
 * Retract shows Ctrl+Z and says which event it takes back. Keys are posted to the display as a keyboard sends
 * them. Saves screenshots in target/screenshots/.
 */
class CodingKeysTest {

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

    /** a local football match of Lions and Tigers, quorum 1, in the Live perspective */
    private static PaletteView start(String name) throws Exception {
        return Ui.localMatch(name, List.of("Lions", "Tigers"), data.resolve(name.replace(' ', '-')));
    }

    /** @return the feed, with the keyboard focus in its table */
    private static LiveFeedView focusFeed() throws Exception {
        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        Keyboard.focus(feed.table());
        return feed;
    }

    private static boolean inFeed(LiveFeedView feed, String title, String origin, String player) {
        return feed.rows().stream().map(LiveFeedView.Row::accepted).filter(Objects::nonNull).map(Accepted::event)
                .anyMatch(e -> e.title().equals(title) && e.origin().equals(origin) && Objects.equals(e.player(), player));
    }

    /** @return the texts of the palette's labels under the buttons: its hint line among them */
    private static List<String> paletteLines(PaletteView palette) {
        List<String> texts = new ArrayList<>();
        Ui.walk(palette.pendingTable().getParent(), c -> {
            if (c instanceof Label l) {
                texts.add(l.getText());
            }
        });
        return texts;
    }

    @Test
    void aKeyPressedWithTheFocusInTheLiveFeedReports() throws Exception {
        start("Feed keys");
        LiveFeedView feed = focusFeed();

        new Keyboard().type('s');

        Ui.until("the shot on target is accepted and in the feed", () -> inFeed(feed, "Shot on target", "Lions", null),
                () -> "rows " + feed.rows() + ", focus on " + feed.table().getDisplay().getFocusControl());
        Ui.screenshot(Ui.window().getShell(), "keys-focus-in-feed.png");
    }

    @Test
    void aLetterTypedInThePlayerFieldIsTextNotAReport() throws Exception {
        PaletteView palette = start("Player field");
        Keyboard.focus(palette.playerField());

        new Keyboard().type('g');

        Ui.until("the field shows the g typed", () -> palette.playerField().getText().equals("g"),
                () -> "the field reads \"" + palette.playerField().getText() + "\"");
        assertEquals(List.of(), Ui.session().reports(), "typing in the player field reports nothing");
    }

    @Test
    void digitsThenAnActionKeyReportThatPlayerInAtMostThreeKeystrokes() throws Exception {
        PaletteView palette = start("Shirt numbers");
        LiveFeedView feed = focusFeed();

        Keyboard away10 = new Keyboard().type('1').type('0');
        Ui.until("the palette shows the number typed", () -> paletteLines(palette).stream()
                .anyMatch(t -> t.startsWith("#10 …")), () -> "palette reads " + paletteLines(palette));
        Ui.screenshot(Ui.window().getShell(), "keys-shirt-number-typed.png");
        away10.shift('s');
        Ui.until("an away shot on target by #10 is in the feed", () -> inFeed(feed, "Shot on target", "Tigers", "#10"),
                () -> "rows " + feed.rows());
        assertEquals(3, away10.strokes(), "1, 0, Shift+S");
        assertTrue(paletteLines(palette).stream().noneMatch(t -> t.startsWith("#")),
                "the number is forgotten once an action took it: " + paletteLines(palette));

        Keyboard home9 = new Keyboard().type('9').type('g');
        Ui.until("a home goal by #9 is in the feed", () -> inFeed(feed, "Goal", "Lions", "#9"), () -> "rows " + feed.rows());
        assertEquals(2, home9.strokes(), "9, G");

        new Keyboard().type('7').special(SWT.ESC).type('c');
        Ui.until("Esc forgot the 7: a corner by nobody named", () -> inFeed(feed, "Corner", "Lions", null),
                () -> "rows " + feed.rows());
        Ui.screenshot(Ui.window().getShell(), "keys-shirt-numbers.png");
    }

    @Test
    void theKeysPreferencePageListsTheSidelineKeys() throws Exception {
        Ui.bigWindow();
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        ParameterizedCommand homeGoal = ParameterizedCommand.generateCommand(
                commands.getCommand("io.sideline.ui.commands.report"),
                Map.of("io.sideline.ui.commands.report.action", "Goal", "io.sideline.ui.commands.report.team", "home"));
        assertNotNull(homeGoal, "a report command with an action and a team");
        List<String> bound = new ArrayList<>();
        for (Binding b : PlatformUI.getWorkbench().getService(IBindingService.class).getBindings()) {
            if (homeGoal.equals(b.getParameterizedCommand())) {
                bound.add(b.getTriggerSequence().format() + " when " + b.getContextId());
            }
        }
        assertTrue(bound.contains("G when io.sideline.ui.contexts.coding.football"), "bindings " + bound);

        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(Ui.window().getShell(),
                "io.sideline.ui.preferences.keys", null, null);
        assertNotNull(dialog, "Window › Preferences has a Keys page");
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            List<String> rows = new ArrayList<>();
            Ui.until("the Keys page lists the home goal on G, when coding football", () -> {
                rows.clear();
                Ui.walk(dialog.getShell(), c -> {
                    if (c instanceof Tree t) {
                        for (TreeItem i : t.getItems()) {
                            rows.add(i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2));
                        }
                    }
                });
                return rows.contains("Report (Action: Goal, Team: home team) | G | Coding Football");
            }, () -> "rows with Report: " + rows.stream().filter(r -> r.contains("Goal") || r.contains("Retract")).toList());
            assertTrue(rows.contains("Report (Action: Goal, Team: away team) | Shift+G | Coding Football"), "rows " + rows);
            assertTrue(rows.contains("Retract Last Report | Ctrl+Z | Coding a Match"), "rows " + rows);
            // the page's own filter, as a user types "Goal" in it
            Tree[] tree = new Tree[1];
            Ui.walk(dialog.getShell(), c -> {
                if (c instanceof Tree t && t.getColumnCount() > 2) {
                    tree[0] = t;
                }
            });
            Ui.walk(tree[0].getParent().getParent(), c -> {
                if (c instanceof org.eclipse.swt.widgets.Text t) {
                    t.setText("Goal");
                }
            });
            Ui.until("the page shows the goals' keys only", () -> tree[0].getItemCount() > 0
                    && java.util.Arrays.stream(tree[0].getItems()).allMatch(i -> (i.getText(0) + i.getText(1)
                            + i.getText(2) + i.getText(3)).toLowerCase(java.util.Locale.ROOT).contains("goal")),
                    () -> "rows " + java.util.Arrays.stream(tree[0].getItems()).limit(8).map(i -> i.getText(0)).toList());
            Ui.screenshot(dialog.getShell(), "keys-preference-page.png");
        } finally {
            dialog.close();
        }
    }

    @Test
    void helpListsTheKeysOfTheOpenMatchsSportAndKeyAssistIsCtrlShiftL() throws Exception {
        start("Help keys");
        Menu bar = Ui.window().getShell().getMenuBar();
        Menu help = null;
        for (MenuItem i : bar.getItems()) {
            if (i.getText().replace("&", "").equals("Help")) {
                help = i.getMenu();
            }
        }
        assertNotNull(help, "a Help menu");
        help.notifyListeners(SWT.Show, new Event());
        List<String> items = new ArrayList<>();
        MenuItem sidelineKeys = null;
        for (MenuItem i : help.getItems()) {
            items.add(i.getText().replace("&", ""));
            if (i.getText().replace("&", "").startsWith("Sideline Keys")) {
                sidelineKeys = i;
            }
        }
        help.notifyListeners(SWT.Hide, new Event());
        // Ctrl+Shift+L, as GTK writes it (Shift+Ctrl+L)
        String ctrlShiftL = org.eclipse.jface.bindings.keys.KeySequence.getInstance("M1+M2+L").format();
        assertTrue(items.contains("Key Assist…\t" + ctrlShiftL), "Help › Key Assist with its key: " + items);
        assertNotNull(sidelineKeys, "Help › Sideline Keys: " + items);

        MenuItem open = sidelineKeys;
        List<String> rows = new ArrayList<>();
        Ui.inDialog("Sideline Keys", () -> open.notifyListeners(SWT.Selection, new Event()), dialog -> {
            Ui.walk(dialog, c -> {
                if (c instanceof org.eclipse.swt.widgets.Table t) {
                    for (org.eclipse.swt.widgets.TableItem i : t.getItems()) {
                        rows.add(i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2));
                    }
                    List<String> headers = new ArrayList<>();
                    for (org.eclipse.swt.widgets.TableColumn col : t.getColumns()) {
                        headers.add(col.getText());
                    }
                    rows.add("headers " + headers);
                }
            });
            try {
                Ui.screenshot(dialog, "keys-sideline-keys.png");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Ui.click(Ui.button(dialog, "Close"));
        });
        assertTrue(rows.contains("headers [Action, Lions (home), Tigers (away)]"), "rows " + rows);
        assertTrue(rows.contains("Goal | G | Shift+G"), "rows " + rows);
        assertTrue(rows.contains("Shot on target | S | Shift+S"), "rows " + rows);
        assertTrue(rows.contains("Retract your last report | Ctrl+Z | "), "rows " + rows);
    }

    @Test
    void editRetractShowsCtrlZAndSaysWhichEventItTakesBack() throws Exception {
        PaletteView palette = start("Retract");
        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        Ui.click(palette.buttons().get(new PaletteView.Binding("Goal", "Lions", 'g', false)));
        Ui.until("the goal is in the feed", () -> inFeed(feed, "Goal", "Lions", null), () -> "rows " + feed.rows());

        Menu bar = Ui.window().getShell().getMenuBar();
        MenuItem edit = null;
        for (MenuItem i : bar.getItems()) {
            if (i.getText().replace("&", "").equals("Edit")) {
                edit = i;
            }
        }
        assertNotNull(edit, "an Edit menu");
        Menu menu = edit.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem retract = null;
        for (MenuItem i : menu.getItems()) {
            if (i.getText().replace("&", "").startsWith("Retract")) {
                retract = i;
            }
        }
        menu.notifyListeners(SWT.Hide, new Event());
        assertNotNull(retract, "Edit › Retract");
        assertTrue(retract.getText().endsWith("\tCtrl+Z"), "the menu item shows its key: " + retract.getText());

        int row = -1;
        for (int i = 0; i < feed.rows().size(); i++) {
            if (feed.rows().get(i).accepted() != null) {
                row = i;
            }
        }
        String time = feed.table().getItem(row).getText(0);
        Keyboard.focus(palette.buttons().values().iterator().next());
        new Keyboard().ctrl('z');
        String expected = "Retracting Goal · Lions " + time;
        Ui.until("the palette names the event taken back", () -> paletteLines(palette).contains(expected),
                () -> "palette reads " + paletteLines(palette));
        Ui.until("the goal is struck through", () -> feed.rows().stream().anyMatch(LiveFeedView.Row::retracted),
                () -> "rows " + feed.rows());
        Ui.screenshot(Ui.window().getShell(), "keys-retract.png");
    }
}
