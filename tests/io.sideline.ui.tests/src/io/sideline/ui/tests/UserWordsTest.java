package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.session.LiveSession;

/**
 * What Sideline says is in the analyst's words, and what it offers is Sideline's: Window › Show View › Other…
 * lists Sideline's views only (no Welcome view showing a NullPointerException), and a file that is not a match,
 * opened the way File › Open Saved Match… opens it, is named as such, not with a JSON parser's message.
 */
class UserWordsTest {

    @TempDir
    Path dir;

    @AfterEach
    void leave() {
        Ui.leave();
        Ui.pump(200);
    }

    @Test
    void showViewOffersSidelineViewsOnly() throws Exception {
        List<String> offered = new ArrayList<>();
        Ui.inDialog("Show View", () -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.views.showView",
                        null);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, shell -> {
            try {
                Ui.walk(shell, c -> {
                    if (c instanceof Tree tree) {
                        for (TreeItem category : tree.getItems()) {
                            Event expand = new Event();
                            expand.item = category;
                            tree.notifyListeners(SWT.Expand, expand);
                            category.setExpanded(true);
                            for (TreeItem view : category.getItems()) {
                                offered.add(category.getText() + " › " + view.getText());
                            }
                            if (category.getItemCount() == 0) {
                                offered.add(category.getText());
                            }
                        }
                    }
                });
                Ui.screenshot(shell, "show-view.png");
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                Ui.click(Ui.button(shell, "Cancel"));
            }
        });
        assertEquals(List.of("Sideline › Line-ups", "Sideline › Live Feed", "Sideline › Match", "Sideline › Matches",
                "Sideline › Palette", "Sideline › Pitch", "Sideline › Statistics"), offered.stream().sorted().toList(), "Show View offers: " + offered);
    }

    @Test
    void aReadmeOpenedAsAMatchIsNamedNotAMatchFile() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# Sideline\n\nA live match-logging workbench.\n\n```\n./sideline\n```\n");
        String[] shown = new String[1];
        Ui.inDialog("Opening README.md failed", () -> {
            new MatchActions(Ui.window()).open(readme); // what File › Open Saved Match… does with the chosen file
            Ui.until("the message shows", () -> shown[0] != null);
        }, shell -> {
            Ui.walk(shell, c -> {
                if (c instanceof Label l && l.getText().contains("README.md")) {
                    shown[0] = l.getText();
                }
            });
            if (shown[0] == null) {
                shown[0] = "(no message naming README.md)";
            }
            try {
                Ui.screenshot(shell, "not-a-match-file.png");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Ui.click(Ui.button(shell, "OK"));
        });
        assertTrue(shown[0].startsWith("README.md is not a Sideline match file."), shown[0]);
        assertTrue(shown[0].contains("File › Save Match As…"), "says what a match file is: " + shown[0]);
        for (String technical : List.of("JSON", "json", "line 1", "Exception", "column")) {
            assertFalse(shown[0].contains(technical), "no parser's words (" + technical + "): " + shown[0]);
        }
        assertTrue(Ui.session().mode() != LiveSession.Mode.REVIEW, "nothing opened for review");
    }

    @Test
    void aSearchTheLookupServerCannotAnswerIsSaidInTheMatchesViewNotInADialog() throws Exception {
        io.sideline.lookup.server.LookupServer lookup = io.sideline.lookup.server.LookupServer.start(
                io.sideline.lookup.server.LookupServerConfig.builder().port(0).dataDir(dir.resolve("gone-lookup"))
                        .localNetwork(true).build());
        LiveSession session = Ui.session();
        session.connect(lookup.uri(), "ana", "a-long-enough-password", true);
        lookup.close(); // the server goes away while the analyst is connected to it

        io.sideline.ui.internal.views.EventsView matches = (io.sideline.ui.internal.views.EventsView) Ui.page()
                .showView(io.sideline.ui.SidelineUi.VIEW_EVENTS);
        matches.searchField().setText("Turkey");
        matches.searchField().notifyListeners(SWT.DefaultSelection, new Event());

        Ui.until("the view says why no match is shown", () -> matches.header().getText()
                .startsWith("No matches shown: cannot reach the lookup server at " + lookup.uri()),
                () -> matches.header().getText());
        Ui.pump(500);
        List<String> dialogs = new ArrayList<>();
        for (org.eclipse.swt.widgets.Shell shell : Ui.window().getShell().getShells()) {
            if (shell.isVisible()) {
                dialogs.add(shell.getText());
            }
        }
        assertEquals(List.of(), dialogs, "no dialog stops the analyst");
        Ui.screenshot(Ui.window().getShell(), "matches-lookup-gone.png");
    }
}
