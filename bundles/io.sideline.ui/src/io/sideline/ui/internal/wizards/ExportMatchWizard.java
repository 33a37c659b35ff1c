package io.sideline.ui.internal.wizards;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import io.sideline.interop.Interop;
import io.sideline.peer.SavedMatch;
import io.sideline.sport.api.Sport;
import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.session.MatchSnapshot;

/**
 * File › Export › Sideline › Timeline as CSV or Sportscode XML: the match the workbench shows, live or under
 * review, as a spreadsheet or for Hudl Sportscode (each event an instance from lead seconds before to lag
 * seconds after it).
 */
public final class ExportMatchWizard extends Wizard implements IExportWizard {

    private Page page;
    private LiveSession session;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        setWindowTitle("Export the Timeline");
        session = workbench.getService(LiveSession.class);
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        page = new Page(session);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        Path out = Path.of(page.target.getText().strip());
        boolean csv = page.csv.getSelection();
        Duration lead = Duration.ofSeconds(page.lead.getSelection());
        Duration lag = Duration.ofSeconds(page.lag.getSelection());
        MatchSnapshot snapshot = session.snapshot();
        SavedMatch match = snapshot.savedMatch();
        Sport sport = snapshot.sport();
        MatchActions actions = new MatchActions(PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        actions.run("Exporting " + out.getFileName(), m -> {
            m.beginTask("Writing " + out.getFileName(), 1);
            if (csv) {
                Interop.exportCsv(match, sport, out);
            } else {
                Interop.exportSportscode(match, out, null, lead, lag);
            }
            m.worked(1);
        }, null);
        return true;
    }

    /** The one page: the format, the file, and Sportscode's lead and lag. */
    static final class Page extends WizardPage {
        final LiveSession session;
        Button csv;
        Button sportscode;
        Text target;
        Spinner lead;
        Spinner lag;

        Page(LiveSession session) {
            super("export");
            this.session = session;
            setTitle("Export the timeline");
            setDescription(session.setup() == null ? "Start, join or open a match first: there is nothing to export."
                    : "The match \"" + session.title() + "\": " + session.feed().size() + " events.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText("Format:");
            csv = new Button(c, SWT.RADIO);
            csv.setText("&CSV, one row per version of each event");
            csv.setSelection(true);
            csv.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE);
            sportscode = new Button(c, SWT.RADIO);
            sportscode.setText("Hudl &Sportscode XML, one instance per event");
            sportscode.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText("&Lead / lag (s):");
            Sport sport = session.matchSport();
            lead = new Spinner(c, SWT.BORDER);
            lead.setValues(sport == null ? 5 : (int) sport.clipLead().toSeconds(), 0, 600, 0, 1, 10);
            lead.setToolTipText("Seconds of video before each event's moment (the sport's default)");
            lag = new Spinner(c, SWT.BORDER);
            lag.setValues(sport == null ? 5 : (int) sport.clipLag().toSeconds(), 0, 600, 0, 1, 10);
            lag.setToolTipText("Seconds of video after it");
            new Label(c, SWT.NONE).setText("&File:");
            target = new Text(c, SWT.BORDER);
            target.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("&Browse…");
            browse.addListener(SWT.Selection, e -> {
                FileDialog d = new FileDialog(getShell(), SWT.SAVE);
                d.setOverwrite(true);
                d.setFilterExtensions(new String[] { csv.getSelection() ? "*.csv" : "*.xml" });
                String f = d.open();
                if (f != null) {
                    target.setText(f);
                }
            });
            for (Button b : new Button[] { csv, sportscode }) {
                b.addListener(SWT.Selection, e -> {
                    lead.setEnabled(sportscode.getSelection());
                    lag.setEnabled(sportscode.getSelection());
                    String t = target.getText().strip();
                    if (!t.isEmpty()) {
                        target.setText(t.replaceAll("\\.(csv|xml)$", "") + (csv.getSelection() ? ".csv" : ".xml"));
                    }
                });
            }
            lead.setEnabled(false);
            lag.setEnabled(false);
            target.addModifyListener(e -> validate());
            setControl(c);
            validate();
        }

        private void validate() {
            String problem = session.setup() == null ? "There is no match to export"
                    : target.getText().isBlank() ? "Say where the file goes" : null;
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }
    }
}
