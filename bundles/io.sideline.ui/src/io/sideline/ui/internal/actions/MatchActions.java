package io.sideline.ui.internal.actions;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

import io.sideline.lookup.QuorumPolicy;
import io.sideline.peer.SavedMatch;
import io.sideline.replay.ReplayDriver;
import io.sideline.replay.ReplayOptions;
import io.sideline.sport.api.Sport;
import io.sideline.statsbomb.StatsBombMatch;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.dialogs.ConnectDialog;
import io.sideline.ui.internal.dialogs.CreateMatchDialog;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.session.MatchSnapshot;

/**
 * The File menu's match commands. Each asks what it needs in a dialog, then does the slow part in an
 * Eclipse Job with progress and cancel; a failure is shown as a readable message, not a stack trace, and
 * logged with its stack trace to the platform log (the workspace's {@code .metadata/.log}).
 */
public final class MatchActions {

    private static final String PREFS = SidelineUi.PLUGIN_ID;
    private static final String PREF_URL = "lookup.url";
    private static final String PREF_USER = "lookup.user";
    private static final String SECURE_NODE = "io.sideline/lookup";
    private static final String PREF_SPORT = "match.sport";

    private final IWorkbenchWindow window;
    private final LiveSession session;

    public MatchActions(IWorkbenchWindow window) {
        this.window = window;
        this.session = PlatformUI.getWorkbench().getService(LiveSession.class);
    }

    private Shell shell() {
        return window.getShell();
    }

    /** @return where local matches and hosted journals are kept: the workspace's sideline folder */
    public static Path dataDir() {
        try {
            return Path.of(Platform.getInstanceLocation().getURL().toURI()).resolve("sideline");
        } catch (Exception e) {
            return Path.of(System.getProperty("user.home"), ".sideline", "data");
        }
    }

    // ------------------------------------------------------------------------------------ actions

    public Action localMatch() {
        Action a = action("&Local Match…", this::startLocal);
        a.setAccelerator(SWT.MOD1 | SWT.SHIFT | 'N'); // Ctrl+Shift+L is Key Assist
        a.setToolTipText("Start a match on this computer, no server needed");
        return a;
    }

    public Action connect() {
        return action("&Connect to Lookup Server…", this::connectToLookup);
    }

    public Action newMatch() {
        return action("&New Match…", this::createMatch);
    }

    public Action openSaved() {
        Action a = action("&Open Saved Match…", this::openSavedMatch);
        a.setAccelerator(SWT.MOD1 | 'O');
        return a;
    }

    public Action save() {
        Action a = action("&Save Match As…", this::saveMatch);
        a.setAccelerator(SWT.MOD1 | SWT.SHIFT | 'S');
        return a;
    }

    public Action exportCsv() {
        return action("&Export Timeline as CSV…", this::exportTimelineCsv);
    }

    public Action replay() {
        return action("&Replay a StatsBomb Match…", this::replayMatch);
    }

    public Action leave() {
        return action("Lea&ve Match", session::leave);
    }

    private static Action action(String text, Runnable run) {
        return new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    // ------------------------------------------------------------------------------------ what they do

    private void startLocal() {
        CreateMatchDialog d = new CreateMatchDialog(shell(), session.sports(), true,
                InstanceScope.INSTANCE.getNode(PREFS).get(PREF_SPORT, "football"));
        if (d.open() != Window.OK) {
            return;
        }
        CreateMatchDialog.Answer a = d.answer();
        rememberSport(a.sport());
        run("Starting a local match", m -> {
            m.beginTask("Starting a lookup server and a host on this computer", IProgressMonitor.UNKNOWN);
            session.startLocal(a.name(), a.sport(), a.teams(), a.quorum(), dataDir());
        }, () -> showPerspective(SidelineUi.PERSPECTIVE_LIVE));
    }

    private void connectToLookup() {
        IEclipsePreferences prefs = InstanceScope.INSTANCE.getNode(PREFS);
        String url = prefs.get(PREF_URL, "http://localhost:8080");
        String user = prefs.get(PREF_USER, System.getProperty("user.name", ""));
        String remembered = rememberedPassword(url, user);
        ConnectDialog d = new ConnectDialog(shell(), url, user, remembered);
        if (d.open() != Window.OK) {
            return;
        }
        ConnectDialog.Answer a = d.answer();
        prefs.put(PREF_URL, a.url().toString());
        prefs.put(PREF_USER, a.user());
        try {
            prefs.flush();
        } catch (Exception e) {
            // the preferences are kept for this session anyway
        }
        remember(a);
        run("Connecting to " + a.url(), m -> {
            m.beginTask("Identifying as " + a.user(), IProgressMonitor.UNKNOWN);
            session.connect(a.url(), a.user(), a.password(), a.register());
        }, () -> showView(SidelineUi.VIEW_EVENTS));
    }

    private static void rememberSport(Sport sport) {
        InstanceScope.INSTANCE.getNode(PREFS).put(PREF_SPORT, sport.id());
    }

    private static String rememberedPassword(String url, String user) {
        try {
            ISecurePreferences node = SecurePreferencesFactory.getDefault().node(SECURE_NODE);
            return node.get(key(url, user), null);
        } catch (Exception | LinkageError e) {
            return null; // secure storage unavailable: the user types the password
        }
    }

    private void remember(ConnectDialog.Answer a) {
        try {
            ISecurePreferences node = SecurePreferencesFactory.getDefault().node(SECURE_NODE);
            if (a.remember()) {
                node.put(key(a.url().toString(), a.user()), a.password(), true);
            } else {
                node.remove(key(a.url().toString(), a.user()));
            }
            node.flush();
        } catch (Exception | LinkageError e) {
            if (a.remember()) {
                ILog.of(MatchActions.class).warn("Secure storage could not keep the password", e);
                MessageDialog.openWarning(shell(), "Password not remembered",
                        "This computer's secure storage could not keep the password, so you will type it next time.");
            }
        }
    }

    private static String key(String url, String user) {
        return (user + "@" + url).replace('/', '_');
    }

    private void createMatch() {
        if (!session.connectedToLookup()) {
            connectToLookup();
            return;
        }
        CreateMatchDialog d = new CreateMatchDialog(shell(), session.sports(), false,
                InstanceScope.INSTANCE.getNode(PREFS).get(PREF_SPORT, "football"));
        if (d.open() != Window.OK) {
            return;
        }
        CreateMatchDialog.Answer a = d.answer();
        rememberSport(a.sport());
        run("Creating " + a.name(), m -> {
            m.beginTask("Registering the match and starting its host", IProgressMonitor.UNKNOWN);
            session.createAndHost(a.name(), a.sport(), a.teams(), a.start(), a.quorum(), dataDir());
        }, () -> showPerspective(SidelineUi.PERSPECTIVE_LIVE));
    }

    /** Joins a match of the lookup server, in a Job. */
    public void join(String matchId, String name) {
        run("Joining " + name, m -> {
            m.beginTask("Asking the lookup server for the host and a token", IProgressMonitor.UNKNOWN);
            session.join(matchId, dataDir());
        }, () -> showPerspective(SidelineUi.PERSPECTIVE_LIVE));
    }

    private void openSavedMatch() {
        FileDialog d = new FileDialog(shell(), SWT.OPEN);
        d.setText("Open a Saved Match");
        d.setFilterNames(new String[] { "Sideline matches and host journals", "All files" });
        d.setFilterExtensions(new String[] { "*.sideline;*.journal;*.jsonl", "*" });
        d.setFilterPath(dataDir().toString());
        String file = d.open();
        if (file != null) {
            open(Path.of(file));
        }
    }

    /** Opens a saved match for review, in a Job. */
    public void open(Path file) {
        run("Opening " + file.getFileName(), m -> {
            m.beginTask("Reading " + file, IProgressMonitor.UNKNOWN);
            try {
                session.openReview(file);
            } catch (SavedMatch.FormatException e) {
                throw new IllegalArgumentException(notAMatch(e), e);
            }
        }, () -> showPerspective(SidelineUi.PERSPECTIVE_REVIEW));
    }

    /** what a match file is, in one line, for a person who opened something else */
    static final String MATCH_FILE = "A Sideline match file is what File › Save Match As… writes (name.sideline), or a "
            + "host's journal (name.journal): one match message per line, the first one describing the match.";

    /**
     * @return why a file does not open as a match, in the user's words: "README.md is not a Sideline match file",
     *         not the parser's message (which goes to the log)
     */
    public static String notAMatch(SavedMatch.FormatException e) {
        String name = e.file() == null || e.file().getFileName() == null ? "The file" : e.file().getFileName().toString();
        if (e.line() <= 1) {
            return name + " is not a Sideline match file.\n\n" + MATCH_FILE;
        }
        return name + " is a damaged Sideline match file: line " + e.line() + " is not a match message (the file "
                + "may have been cut short or edited).\n\n" + MATCH_FILE;
    }

    private void saveMatch() {
        if (session.setup() == null) {
            MessageDialog.openInformation(shell(), "Nothing to save", "Start, join or open a match first.");
            return;
        }
        String file = saveDialog("Save Match As", "*.sideline", safeName() + ".sideline");
        if (file != null) {
            MatchSnapshot match = session.snapshot();
            run("Saving " + file, m -> match.save(Path.of(file)), null);
        }
    }

    private void exportTimelineCsv() {
        if (session.setup() == null) {
            MessageDialog.openInformation(shell(), "Nothing to export", "Start, join or open a match first.");
            return;
        }
        String file = saveDialog("Export Timeline as CSV", "*.csv", safeName() + ".csv");
        if (file != null) {
            MatchSnapshot match = session.snapshot();
            run("Exporting " + file, m -> match.exportCsv(Path.of(file)), null);
        }
    }

    private String safeName() {
        String t = session.title() == null ? "match" : session.title();
        return t.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }

    private String saveDialog(String title, String filter, String name) {
        FileDialog d = new FileDialog(shell(), SWT.SAVE);
        d.setText(title);
        d.setFilterExtensions(new String[] { filter });
        d.setFileName(name);
        d.setOverwrite(true);
        return d.open();
    }

    private void replayMatch() {
        FileDialog d = new FileDialog(shell(), SWT.OPEN);
        d.setText("Replay a StatsBomb Events File");
        d.setFilterExtensions(new String[] { "*.json", "*" });
        String file = d.open();
        if (file == null) {
            return;
        }
        InputDialog speed = new InputDialog(shell(), "Replay Speed",
                "Match seconds per real second (60 replays a match in about 2 minutes):", "60", speedValidator());
        if (speed.open() != Window.OK) {
            return;
        }
        replay(Path.of(file), Double.parseDouble(speed.getValue().strip()));
    }

    private static IInputValidator speedValidator() {
        return text -> {
            try {
                double v = Double.parseDouble(text.strip());
                return v > 0 && v <= 10_000 ? null : "A speed from 1 to 10000";
            } catch (NumberFormatException e) {
                return "A number, for example 60";
            }
        };
    }

    /**
     * Replays a StatsBomb match into a new local match, in a Job: ten simulated peers report it over real
     * WebSockets, and this workbench follows as a peer.
     */
    public Job replay(Path file, double speed) {
        Sport football = session.sport("football");
        return run("Replaying " + file.getFileName(), m -> {
            if (football == null) {
                throw new IllegalStateException("Football is not installed, and the replay maps StatsBomb events to it");
            }
            SubMonitor sub = SubMonitor.convert(m, "Reading " + file.getFileName(), 100);
            StatsBombMatch match = StatsBombMatch.read(file, java.time.Instant.parse("2021-06-11T19:00:00Z"));
            // the line-ups StatsBomb publishes beside the events file, when they are there
            io.sideline.protocol.Lineups lineups = io.sideline.protocol.Lineups.NONE;
            java.util.Optional<Path> lineupsFile = io.sideline.statsbomb.StatsBombLineups.beside(file);
            if (lineupsFile.isPresent()) {
                io.sideline.protocol.Lineups read = io.sideline.statsbomb.StatsBombLineups.read(lineupsFile.get())
                        .lineups();
                if (List.of(match.home(), match.away()).containsAll(read.teams().keySet())) {
                    lineups = read;
                }
            }
            ReplayOptions d = ReplayOptions.defaults();
            ReplayOptions o = new ReplayOptions(d.reporters(), d.miss(), d.wrongOrigin(), d.jitter(), d.liars(),
                    d.minVotes(), d.fraction(), speed, d.seed());
            sub.subTask("Starting a local match");
            session.startLocal(match.home() + " – " + match.away() + " (replay)", football,
                    List.of(match.home(), match.away()), new QuorumPolicy(o.minVotes(), o.fraction()), lineups,
                    dataDir().resolve("replays"));
            sub.worked(5);
            var local = session.local();
            SubMonitor reporting = sub.split(95);
            ReplayDriver.drive(match, o, local.client(), local.hosted().match().id(), new ReplayDriver.Progress() {
                private int done;

                @Override
                public void started(int total) {
                    reporting.beginTask("Ten peers report " + match.home() + " – " + match.away(), total);
                }

                @Override
                public void sent(int sent, int total, java.time.Instant matchTime) {
                    reporting.worked(sent - done);
                    done = sent;
                    reporting.subTask(sent + " of " + total + " reports sent");
                }

                @Override
                public boolean cancelled() {
                    return reporting.isCanceled();
                }
            });
            if (reporting.isCanceled()) {
                throw new OperationCanceledException();
            }
        }, () -> showPerspective(SidelineUi.PERSPECTIVE_LIVE));
    }

    // ------------------------------------------------------------------------------------ jobs

    /** What a job does; may throw, and the message is shown. */
    public interface Work {
        void run(IProgressMonitor monitor) throws Exception;
    }

    /**
     * Runs work in a user Job with progress and cancel. A failure is shown as its message; {@code then}
     * runs on the UI thread after success.
     */
    public Job run(String name, Work work, Runnable then) {
        Display display = Display.getCurrent() != null ? Display.getCurrent() : PlatformUI.getWorkbench().getDisplay();
        Job job = Job.create(name, monitor -> {
            try {
                work.run(monitor);
                if (then != null) {
                    display.asyncExec(then);
                }
                return Status.OK_STATUS;
            } catch (OperationCanceledException | java.util.concurrent.CancellationException e) {
                return Status.CANCEL_STATUS;
            } catch (Exception e) {
                String message = readable(e);
                ILog.of(MatchActions.class).error(name + " failed: " + message, e);
                display.asyncExec(() -> MessageDialog.openError(shell(), name + " failed", message));
                return Status.info(name + " failed: " + message);
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** @return what went wrong, in the user's words */
    public static String readable(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SavedMatch.FormatException f) {
            return notAMatch(f);
        }
        String m = t.getMessage();
        if (m == null || m.isBlank() || t instanceof NullPointerException || t instanceof ClassCastException
                || t instanceof IndexOutOfBoundsException) {
            // a programming error: its text means nothing to an analyst, and the log has the details
            return "Something went wrong that Sideline did not expect. The details are in the log, "
                    + "the workspace's .metadata/.log file.";
        }
        if (t instanceof java.net.ConnectException) {
            return "Nothing answers at that address: is the server running, and is the address right?";
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "There is no file " + m + ".";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "Sideline may not read or write " + m + ".";
        }
        return m;
    }

    private void showPerspective(String id) {
        try {
            PlatformUI.getWorkbench().showPerspective(id, window);
        } catch (WorkbenchException e) {
            // the perspective exists; if it cannot be shown the current one stays
        }
    }

    private void showView(String id) {
        try {
            window.getActivePage().showView(id);
        } catch (PartInitException e) {
            // the view exists
        }
    }
}
