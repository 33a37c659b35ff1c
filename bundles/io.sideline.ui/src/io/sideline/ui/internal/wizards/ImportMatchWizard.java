package io.sideline.ui.internal.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.Progress;
import io.sideline.peer.SavedMatch;
import io.sideline.sport.api.Sport;
import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.session.LiveSession;

/**
 * File › Import › Sideline › Match from Sportscode, StatsBomb or Sideline: reads the file (the format is
 * recognised from its content), writes a Sideline match file, and opens it for review. The wizard shows the
 * progress of a large file; a file that does not import leaves the wizard open with the reason on its page.
 */
public final class ImportMatchWizard extends Wizard implements IImportWizard {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Page page;

    @Override
    public void init(IWorkbench workbench, IStructuredSelection selection) {
        setWindowTitle("Import a Match");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new Page();
        addPage(page);
    }

    /**
     * Imports in the wizard's own progress bar. A failure stays in the wizard, said on its page, with what was
     * entered kept, so the user corrects the file or the kick-off and tries again.
     */
    @Override
    public boolean performFinish() {
        Path in = Path.of(page.source.getText().strip());
        Path out = Path.of(page.target.getText().strip());
        ImportOptions options = ImportOptions.defaults();
        if (page.kickoff() != null) {
            options = options.withKickoff(page.kickoff());
        }
        Sport sport = page.sport();
        if (sport != null) {
            options = options.withSport(sport.id()).withClipLead(sport.clipLead());
        }
        ImportOptions chosen = options;
        boolean open = page.open.getSelection();
        try {
            getContainer().run(true, true, m -> {
                m.beginTask("Reading " + in.getFileName(), 110);
                try {
                    SavedMatch match = Interop.importFile(in, chosen, new MonitorProgress(m, 100));
                    if (m.isCanceled()) {
                        throw new InterruptedException();
                    }
                    m.subTask("Writing " + out.getFileName());
                    match.write(out);
                    m.worked(10);
                } catch (org.eclipse.core.runtime.OperationCanceledException
                        | java.util.concurrent.CancellationException e) {
                    throw new InterruptedException();
                } catch (IOException | RuntimeException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    m.done();
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ILog.of(ImportMatchWizard.class).warn("Importing " + in + " failed", cause);
            // "/home/ana/bad.xml:4: …" reads "line 4: …" after the file's name
            String why = MatchActions.readable(cause).replace(in.toString() + ":", "line ");
            page.setErrorMessage(in.getFileName() + " was not imported: " + why);
            return false;
        } catch (InterruptedException e) {
            page.setErrorMessage("The import was cancelled; nothing was written.");
            return false;
        }
        if (open) {
            new MatchActions(PlatformUI.getWorkbench().getActiveWorkbenchWindow()).open(out);
        }
        return true;
    }

    /** Passes an import's progress to a Job's monitor, and its cancel button back. */
    static final class MonitorProgress implements Progress {
        private final IProgressMonitor monitor;
        private final int units;
        private int reported;

        MonitorProgress(IProgressMonitor monitor, int units) {
            this.monitor = monitor;
            this.units = units;
        }

        @Override
        public void worked(long done, long total) {
            int now = total <= 0 ? 0 : (int) Math.min(units, done * units / total);
            if (now > reported) {
                monitor.worked(now - reported);
                reported = now;
            }
        }

        @Override
        public boolean isCanceled() {
            return monitor.isCanceled();
        }
    }

    /** The one page: the file, the kick-off, where the match goes. */
    static final class Page extends WizardPage {
        Text source;
        Text kickoffText;
        Combo sportCombo;
        List<Sport> sports = List.of();
        Text target;
        Button open;

        Page() {
            super("import");
            setTitle("Import a match");
            setDescription("A Hudl Sportscode XML file, a StatsBomb events file or a Sideline match: Sideline "
                    + "recognises which from its content.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText("&File:");
            source = new Text(c, SWT.BORDER);
            source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("&Browse…");
            browse.addListener(SWT.Selection, e -> {
                FileDialog d = new FileDialog(getShell(), SWT.OPEN);
                d.setFilterExtensions(new String[] { "*.xml;*.json;*.sideline", "*" });
                String f = d.open();
                if (f != null) {
                    source.setText(f);
                }
            });
            new Label(c, SWT.NONE).setText("&Kick-off:");
            kickoffText = new Text(c, SWT.BORDER);
            kickoffText.setMessage("optional, e.g. 2021-06-11 21:00");
            kickoffText.setToolTipText("When the match (StatsBomb) or the video (Sportscode) started, in this "
                    + "computer's time zone. Match times do not depend on it; leave it empty if you do not know.");
            kickoffText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText("S&port:");
            sportCombo = new Combo(c, SWT.READ_ONLY);
            LiveSession session = PlatformUI.getWorkbench().getService(LiveSession.class);
            sports = session == null ? List.of() : session.sports();
            sportCombo.add("As the file says (StatsBomb: football; Sportscode: its codes)");
            for (Sport s : sports) {
                sportCombo.add(s.name());
            }
            sportCombo.select(0);
            sportCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText("&Save as:");
            target = new Text(c, SWT.BORDER);
            target.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE);
            open = new Button(c, SWT.CHECK);
            open.setText("&Open it for review");
            open.setSelection(true);
            source.addModifyListener(e -> {
                String s = source.getText().strip();
                if (!s.isEmpty()) {
                    target.setText(s.replaceAll("\\.(xml|json|sideline)$", "") + ".sideline");
                }
                validate();
            });
            kickoffText.addModifyListener(e -> validate());
            target.addModifyListener(e -> validate());
            setControl(c);
            validate();
        }

        /** @return the sport chosen for a Sportscode file, or {@code null} */
        Sport sport() {
            int i = sportCombo.getSelectionIndex();
            return i <= 0 || i > sports.size() ? null : sports.get(i - 1);
        }

        /** @return the kick-off typed, or {@code null} when the field is empty or not a time */
        Instant kickoff() {
            if (kickoffText.getText().isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(kickoffText.getText().strip(), WHEN).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private void validate() {
            String problem = null;
            String s = source.getText().strip();
            if (s.isEmpty()) {
                problem = "Choose the file to import";
            } else if (!Files.isRegularFile(Path.of(s))) {
                problem = "There is no file " + s;
            } else if (!kickoffText.getText().isBlank()
                    && (kickoff() == null || !ImportOptions.validKickoff(kickoff()))) {
                problem = "The kick-off is a date and time from 2000 to 2098 like 2021-06-11 21:00, or empty";
            } else if (target.getText().isBlank()) {
                problem = "Say where the Sideline match goes";
            } else if (Path.of(target.getText().strip()).equals(Path.of(s))) {
                problem = "Save the match to another file than the one imported";
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }
    }
}
