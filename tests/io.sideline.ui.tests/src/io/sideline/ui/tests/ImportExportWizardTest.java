package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.interop.Progress;
import io.sideline.interop.SportscodeFile;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.MatchView;

/**
 * File › Import and File › Export, the Eclipse way: a StatsBomb match imported through the wizard opens for
 * review with the real score, and goes out again as Sportscode XML; a broken file is refused on the wizard's page
 * with its line, the wizard keeping what was entered, and nothing is written.
 */
class ImportExportWizardTest {

    static final Path ROOT = Path.of(System.getProperty("sideline.root", "../.."));
    static final Path EVENTS = ROOT.resolve("examples/data/statsbomb/3788741_events.json");

    @TempDir
    Path dir;

    @AfterEach
    void leave() throws Exception {
        Ui.leave();
        PlatformUI.getWorkbench().showPerspective(SidelineUi.PERSPECTIVE_LIVE, Ui.window());
        Ui.pump(200);
    }

    @Test
    void theFileMenuOffersImportAndExport() {
        Menu bar = Ui.window().getShell().getMenuBar();
        Menu file = null;
        for (MenuItem item : bar.getItems()) {
            if (item.getText().replace("&", "").equals("File")) {
                file = item.getMenu();
            }
        }
        assertTrue(file != null, "a File menu");
        file.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
        Set<String> items = new java.util.HashSet<>();
        for (MenuItem item : file.getItems()) {
            items.add(item.getText().replace("&", "").replaceAll("\t.*", ""));
        }
        file.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
        assertTrue(items.contains("Import...") && items.contains("Export..."), "File has Import... and Export...: " + items);
    }

    @Test
    void aStatsBombFileImportedThroughTheWizardOpensForReviewAndExportsAsSportscode() throws Exception {
        Ui.bigWindow();
        Path match = dir.resolve("turkey-italy.sideline");
        Ui.inDialog("Import a Match", () -> open(importWizard()), shell -> {
            Ui.text(shell, 0).setText(EVENTS.toString());
            Ui.text(shell, 1).setText("2021-06-11 21:00");
            Ui.text(shell, 2).setText(match.toString());
            try {
                Ui.screenshot(shell, "import-wizard.png");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Ui.click(Ui.button(shell, "Finish"));
        });
        LiveSession session = Ui.session();
        Ui.until("the imported match is open for review", () -> session.mode() == LiveSession.Mode.REVIEW
                && session.feed().size() > 100, () -> session.status());
        assertTrue(Files.isRegularFile(match), "the match was saved where the user said");
        assertEquals("Turkey – Italy", session.setup().name());
        MatchView matchView = (MatchView) Ui.page().showView(SidelineUi.VIEW_MATCH);
        Ui.until("the score is the real one", () -> matchView.scoreText().equals("Turkey  0 – 3  Italy"),
                matchView::scoreText);
        Ui.screenshot(Ui.window().getShell(), "imported-turkey-italy.png");

        Path xml = dir.resolve("turkey-italy.xml");
        Ui.inDialog("Export the Timeline", () -> open(exportWizard()), shell -> {
            // a radio group: a click on the other button unselects this one (SWT does not, when a test clicks)
            Ui.button(shell, "CSV, one row per version of each event").setSelection(false);
            Ui.click(Ui.button(shell, "Hudl Sportscode XML, one instance per event"));
            Ui.text(shell, 0).setText(xml.toString());
            Ui.click(Ui.button(shell, "Finish"));
        });
        Ui.until("the Sportscode file is written", () -> Files.isRegularFile(xml));
        SportscodeFile exported = SportscodeFile.read(xml, Progress.NONE);
        assertEquals(session.feed().size(), exported.instances().size(), "one instance per event");
        List<String> goals = exported.instances().stream().filter(i -> i.code().equals("Goal"))
                .map(i -> i.labels().stream().filter(l -> "Player".equals(l.group())).findFirst().orElseThrow().text())
                .collect(Collectors.toCollection(ArrayList::new));
        assertEquals(List.of("Ciro Immobile", "Lorenzo Insigne"), goals);
        // football's clips: 10 s before the moment, 5 after
        SportscodeFile.Instance first = exported.instances().get(0);
        assertEquals(0, first.start().signum(), "the first clip starts the video");
        assertEquals(15, first.end().intValue(), "and lasts lead + lag");
    }

    @Test
    void aBrokenFileIsRefusedOnTheWizardsPageWhichKeepsWhatWasEnteredAndNothingIsWritten() throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<file>\n  <ALL_INSTANCES>\n    <instance>\n      <ID>1</ID>\n"
                + "      <start>abc</start>\n      <end>5</end>\n      <code>PASS</code>\n    </instance>\n"
                + "  </ALL_INSTANCES>\n</file>\n");
        Path target = dir.resolve("bad.sideline");
        IWorkbenchWizard wizard = importWizard();
        String[] message = new String[1];
        List<String> kept = new ArrayList<>();
        boolean[] stillOpen = new boolean[1];
        Ui.inDialog("Import a Match", () -> open(wizard), shell -> {
            Ui.text(shell, 0).setText(bad.toString());
            Ui.text(shell, 1).setText("2021-06-11 21:00");
            Ui.text(shell, 2).setText(target.toString());
            Ui.click(Ui.button(shell, "Finish"));
            // the import ran in the wizard's progress bar and failed: the wizard is still there, saying why
            stillOpen[0] = !shell.isDisposed() && shell.isVisible();
            if (stillOpen[0]) {
                message[0] = wizard.getPages()[0].getErrorMessage();
                kept.addAll(List.of(Ui.text(shell, 0).getText(), Ui.text(shell, 1).getText(), Ui.text(shell, 2).getText()));
                try {
                    Ui.screenshot(shell, "import-wizard-error.png");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                Ui.click(Ui.button(shell, "Cancel"));
            }
        });
        if (!stillOpen[0]) {
            closeErrorDialogs(); // what a wizard that closed on the error shows instead, so the test ends
        }
        assertTrue(stillOpen[0], "the wizard stays open after the error");
        assertTrue(message[0] != null && message[0].startsWith("bad.xml was not imported: line 4: ")
                && message[0].contains("not a number of seconds"), "the page says why: " + message[0]);
        assertEquals(List.of(bad.toString(), "2021-06-11 21:00", target.toString()), kept, "what was entered is kept");
        assertFalse(Files.exists(target), "nothing half-imported");
        assertTrue(Ui.session().mode() != LiveSession.Mode.REVIEW, "no review opened");
    }

    /** closes, for a minute, every dialog whose title ends with "failed" */
    private static void closeErrorDialogs() {
        org.eclipse.swt.widgets.Display display = Ui.window().getShell().getDisplay();
        long end = System.currentTimeMillis() + Ui.WAIT_MS;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell s : display.getShells()) {
                if (s.isVisible() && s.getText().endsWith("failed")) {
                    s.close();
                }
            }
            if (System.currentTimeMillis() < end) {
                display.timerExec(100, poll[0]);
            }
        };
        display.timerExec(100, poll[0]);
    }

    private static IWorkbenchWizard importWizard() {
        return create(PlatformUI.getWorkbench().getImportWizardRegistry().findWizard("io.sideline.ui.wizards.importMatch"));
    }

    private static IWorkbenchWizard exportWizard() {
        return create(PlatformUI.getWorkbench().getExportWizardRegistry().findWizard("io.sideline.ui.wizards.exportMatch"));
    }

    private static IWorkbenchWizard create(IWizardDescriptor d) {
        assertTrue(d != null, "the wizard is registered under File > Import / Export");
        try {
            IWorkbenchWizard w = d.createWizard();
            w.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
            return w;
        } catch (org.eclipse.core.runtime.CoreException e) {
            throw new AssertionError(e);
        }
    }

    private static void open(IWorkbenchWizard wizard) {
        Shell parent = Ui.window().getShell();
        new WizardDialog(parent, wizard).open();
    }
}
