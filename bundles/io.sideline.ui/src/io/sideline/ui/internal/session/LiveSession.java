package io.sideline.ui.internal.session;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.sideline.host.HostedMatch;
import io.sideline.local.LocalMatch;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Page;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.peer.MatchClient;
import io.sideline.peer.PendingReport;
import io.sideline.peer.ReportOutbox;
import io.sideline.peer.SavedMatch;
import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.protocol.Location;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.api.SportRegistry;
import io.sideline.stats.MatchStats;

/**
 * The match the workbench shows: live (joined, hosted here, or local) or under review (opened from a file).
 * Views read it and listen to it; commands drive it. It keeps three parts apart, each with its own thread rule:
 * <ul>
 * <li>the {@link LookupConnection} and the {@link RunningMatch} talk to servers and block: the methods that use
 * them ({@link #connect}, {@link #join}, {@link #startLocal}, ...) are called from Eclipse Jobs;</li>
 * <li>the {@link MatchModel} is read and changed on the UI thread only, and every listener is called there;
 * a Job that needs the match takes a {@link #snapshot()} on the UI thread first;</li>
 * <li>the sports come from the {@link SportRegistry} service.</li>
 * </ul>
 * {@link #leave()} returns at once on any thread: the match is closed by a Job of the family {@link #LEAVING}.
 * <p>
 * This user's reports in a live match wait in the match's outbox, {@code outbox/<match>.<user>.outbox} in the data
 * folder (see {@link ReportOutbox}), until the host accepted or refused them: reports made while the host is
 * unreachable are sent when it is back, and those left when the workbench closed are sent when the match is joined
 * again.
 */
@Component(service = LiveSession.class)
public final class LiveSession {

    /** the family of the Jobs that close a match left behind */
    public static final Object LEAVING = new Object();

    /** what the workbench is doing */
    public enum Mode {
        /** no match */
        IDLE,
        /** a live match: reports go to its host */
        LIVE,
        /** a saved match, read-only */
        REVIEW
    }

    /** Hears that something changed. Called on the UI thread. */
    public interface Listener {
        void changed(LiveSession session);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final LookupConnection lookup = new LookupConnection();
    /** UI thread only */
    private final MatchModel model = new MatchModel();
    /** which match the callbacks are for: a closed client's last words must not touch the next match */
    private final AtomicLong generation = new AtomicLong();
    /** what runs the live match (any thread) */
    private volatile RunningMatch running;
    /** completes when the match left last is closed */
    private volatile CompletableFuture<Void> closed = CompletableFuture.completedFuture(null);
    private SportRegistry sports;
    /** the user who owns the live match (who may change its line-ups), or {@code null} */
    private volatile String matchOwner;
    /** whether this workbench's user owns the live match */
    private volatile boolean owner;
    /** UI thread only: where the next report took place, as the Pitch view draws it */
    private Location nextLocation;

    @Reference
    void setSports(SportRegistry registry) {
        sports = registry;
    }

    @Deactivate
    void deactivate() {
        RunningMatch r = detach();
        if (r != null) {
            r.close(); // the workbench is closing: its servers stop before it exits
        }
        try {
            Job.getJobManager().join(LEAVING, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lookup.close();
    }

    // ------------------------------------------------------------------------------------ reading (UI thread)

    /** @return the installed sports, by name */
    public List<Sport> sports() {
        return sports.sports();
    }

    /** @return the installed sport with this id, or {@code null} */
    public Sport sport(String id) {
        return sports.find(id).orElse(null);
    }

    public Mode mode() {
        return model.mode();
    }

    /** @return the match's name, or {@code null} without a match */
    public String title() {
        return model.title();
    }

    /** @return the setup of the match: origins and actions; {@code null} before one arrives */
    public Setup setup() {
        return model.setup();
    }

    /** @return the match's line-ups as the host last sent them (a review: as saved); empty without any */
    public Lineups lineups() {
        Setup s = model.setup();
        return s == null ? Lineups.NONE : s.lineups();
    }

    /** @return the player of this team who wears this shirt number, in the current line-ups */
    public Optional<Player> player(String origin, int number) {
        return lineups().player(origin, number);
    }

    /** @return whether this user may change the line-ups: the live match is this user's */
    public boolean ownsMatch() {
        return owner && running != null && model.mode() == Mode.LIVE;
    }

    /** @return the user who owns the live match, or {@code null} when not known */
    public String matchOwner() {
        return matchOwner;
    }

    /**
     * Sends the host a team's new line-up (the match's owner only; the host refuses others, and the problem line
     * says so). The host then sends every peer the line-ups, and the listeners hear of it. Any thread.
     *
     * @return whether there was a live match to send it to
     */
    public boolean changeLineup(String origin, List<Player> players) {
        RunningMatch r = running;
        if (r == null) {
            return false;
        }
        r.client().changeLineup(origin, players);
        return true;
    }

    /** @return the match's sport (a plain one made from the setup when it is not installed here) */
    public Sport matchSport() {
        return model.sport();
    }

    /** @return the statistics; {@code null} without a match */
    public MatchStats stats() {
        return model.stats();
    }

    /** @return every accepted message so far */
    public Timeline timeline() {
        return model.timeline();
    }

    /** @return the current version of each event, in match time order */
    public List<Accepted> feed() {
        return model.feed();
    }

    /**
     * @return the match as it stands, immutable, for a Job to save or export; call on the UI thread
     * @throws IllegalStateException when there is no match yet
     */
    public MatchSnapshot snapshot() {
        return model.snapshot();
    }

    /** @return this user's reports the host has not accepted yet */
    public List<PendingReport> pending() {
        RunningMatch r = running;
        return r == null ? List.of() : r.client().pending();
    }

    /** @return this user's reports that wait for the host: made while it was unreachable, not sent yet */
    public List<PendingReport> waiting() {
        RunningMatch r = running;
        return r == null ? List.of() : r.client().waiting();
    }

    /** @return this user's reports in this match, oldest first, whatever became of them */
    public List<PendingReport> reports() {
        RunningMatch r = running;
        return r == null ? List.of() : r.client().reports();
    }

    /** @return a line on the connection: "Connected to …", "Reconnecting …", "Review of …" */
    public String status() {
        return model.status();
    }

    /** @return the last problem, in words, or {@code null} */
    public String problem() {
        return model.problem();
    }

    /** @return the file a review was opened from */
    public Path reviewFile() {
        return model.reviewFile();
    }

    /** @return whether the workbench is connected to a lookup server */
    public boolean connectedToLookup() {
        return lookup.connected();
    }

    /** @return the lookup server's URL, or {@code null} */
    public URI lookupUrl() {
        return lookup.url();
    }

    /** @return the user identified with the lookup server, or {@code null} */
    public String user() {
        return lookup.user();
    }

    /** @return the local match, when one runs */
    public LocalMatch local() {
        RunningMatch r = running;
        return r == null ? null : r.local();
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    // ------------------------------------------------------------------------------------ lookup server (Jobs)

    /**
     * Identifies with a lookup server (registering first when asked). Call from a Job.
     *
     * @throws LookupException with a readable message
     */
    public void connect(URI url, String user, String password, boolean register) throws Exception {
        lookup.connect(url, user, password, register);
        ui(() -> {
            if (model.mode() == Mode.IDLE) {
                model.status(idleStatus());
            }
        });
    }

    /** @return the matches a search finds. Call from a Job. */
    public Page<Match> search(MatchQuery query) throws Exception {
        return lookup.search(query);
    }

    /**
     * Joins a match found on the lookup server; reports this user left waiting in it (in {@code dataDir}) are sent.
     * Call from a Job.
     */
    public void join(String matchId, Path dataDir) throws Exception {
        Match m = lookup.match(matchId);
        JoinTicket t = lookup.join(matchId);
        startLive(m.name(), sport(m.sport()), t, null, null, outboxFile(dataDir, t, lookup.user()));
        owned(m.owner(), m.owner().equals(lookup.user()));
    }

    /** Registers a new match, hosts it in this process, and joins it. Call from a Job. */
    public void createAndHost(String name, Sport s, List<String> teams, Instant start, QuorumPolicy quorum, Path dataDir)
            throws Exception {
        HostedMatch h = HostedMatch.with(lookup.client(), lookup.session()).sports(sports)
                .dataDir(dataDir.resolve("journals")).bindHost("0.0.0.0").port(0).create(name, s, teams, start, quorum);
        try {
            JoinTicket t = lookup.join(h.match().id());
            startLive(name, s, t, h, null, outboxFile(dataDir, t, lookup.user()));
            owned(h.match().owner(), true);
        } catch (Exception e) {
            h.close();
            throw e;
        }
    }

    /** Starts a local match: a lookup server and host in this process, joined at once. Call from a Job. */
    public void startLocal(String name, Sport s, List<String> teams, QuorumPolicy quorum, Path dataDir) throws Exception {
        startLocal(name, s, teams, quorum, Lineups.NONE, dataDir);
    }

    /** Starts a local match with these line-ups at kick-off. Call from a Job. */
    public void startLocal(String name, Sport s, List<String> teams, QuorumPolicy quorum, Lineups lineups, Path dataDir)
            throws Exception {
        awaitClosed(); // the servers of a local match left just now may still hold this folder
        LocalMatch m = LocalMatch.start(dataDir, s, name, teams, quorum, lineups, line -> { });
        try {
            JoinTicket t = m.join();
            startLive(name, s, t, null, m, outboxFile(dataDir, t, LocalMatch.USER));
            owned(LocalMatch.USER, true);
        } catch (Exception e) {
            m.close();
            throw e;
        }
    }

    private void owned(String user, boolean mine) {
        matchOwner = user;
        owner = mine;
        queueRefresh();
    }

    /** @return where this user's reports in the match wait: {@code outbox/<match>.<user>.outbox} in the data folder */
    static Path outboxFile(Path dataDir, JoinTicket ticket, String user) {
        String who = user == null ? "me" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return dataDir.resolve("outbox").resolve(ticket.matchId().replaceAll("[^A-Za-z0-9._-]", "_") + "." + who
                + ReportOutbox.SUFFIX);
    }

    /**
     * Opens the match's outbox. One that cannot be read is moved aside (nothing in it is lost, and nothing accepted
     * depends on it) and the match starts with none waiting; {@code problems} hears why, in words.
     *
     * @return the outbox, or {@code null} when none can be kept (the reports then wait in memory only)
     */
    static ReportOutbox openOutbox(Path file, java.util.function.Consumer<String> problems) {
        try {
            return ReportOutbox.open(file);
        } catch (SavedMatch.FormatException damaged) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                problems.accept("The reports that waited for the host from last time could not be read ("
                        + damaged.problem() + ", line " + damaged.line() + "): the file is kept as " + aside
                        + ", and this match starts with none waiting.");
                ILog.of(LiveSession.class).warn("Unreadable outbox moved aside to " + aside + ": " + damaged.getMessage());
                return ReportOutbox.open(file);
            } catch (IOException e) {
                problems.accept("The reports that waited for the host from last time could not be read ("
                        + damaged.getMessage() + "), nor set aside (" + e.getMessage() + "): reports wait in memory "
                        + "only in this match.");
                return null;
            }
        } catch (IOException e) {
            problems.accept("The file where reports wait for the host cannot be read (" + e.getMessage() + "): reports "
                    + "wait in memory only in this match.");
            return null;
        }
    }

    private void startLive(String name, Sport s, JoinTicket ticket, HostedMatch h, LocalMatch l, Path outboxFile)
            throws InterruptedException, TimeoutException {
        leave();
        awaitClosed(); // the client left may still hold this match's outbox
        matchOwner = null;
        owner = false;
        long mine = generation.get();
        Timeline t = new Timeline();
        Function<String, Duration> windows = title -> {
            SportAction a = s == null ? null : s.action(title);
            return a == null ? Duration.ofSeconds(60) : a.votingWindow().plusSeconds(30);
        };
        MatchClient.Options options = MatchClient.Options.defaults().withWindows(windows)
                .withClientName("sideline-workbench");
        ui(() -> {
            if (generation.get() == mine) {
                model.live(name, s, t, ticket.hostUrl());
            }
        });
        List<String> problems = new java.util.ArrayList<>();
        ReportOutbox outbox = openOutbox(outboxFile, problems::add);
        if (!problems.isEmpty()) {
            ui(() -> {
                if (generation.get() == mine) {
                    model.problem(String.join(" ", problems));
                }
            });
        }
        ClientListener heard = new ClientListener(mine);
        URI host = URI.create(ticket.hostUrl());
        MatchClient client = outbox == null ? MatchClient.connect(host, ticket.token(), t, options, heard)
                : MatchClient.connect(host, ticket.token(), t, options, outbox, heard);
        running = new RunningMatch(client, h, l);
    }

    /** Hears the host, on the client's thread, and hands everything to the UI thread. */
    private final class ClientListener implements MatchClient.Listener {
        private final long mine;

        ClientListener(long generation) {
            this.mine = generation;
        }

        /** runs on the UI thread unless the match this client served is gone */
        private void ui(Runnable r) {
            LiveSession.this.ui(() -> {
                if (generation.get() == mine) {
                    r.run();
                }
            });
        }

        @Override
        public void stateChanged(MatchClient.State state, String reason) {
            ui(() -> model.status(switch (state) {
                case CONNECTING -> "Connecting …";
                case CONNECTED -> {
                    RunningMatch r = running;
                    yield "Live" + (r == null ? "" : r.where());
                }
                case RECONNECTING -> "Reconnecting: " + reason;
                case CLOSED -> "Disconnected: " + reason;
            }));
        }

        @Override
        public void setupReceived(Setup s) {
            ui(() -> model.setupReceived(s, sports));
        }

        @Override
        public void accepted(Timeline.Change change) {
            queueRefresh();
        }

        @Override
        public void reportChanged(PendingReport report) {
            queueRefresh();
        }

        @Override
        public void error(ErrorMessage error, String readable) {
            ui(() -> model.problem(readable));
        }
    }

    /**
     * Reports an action by an origin, now, where the {@linkplain #nextLocation() next location} says, if one is set
     * (it is used up). Call on the UI thread.
     */
    public PendingReport report(String action, String origin, String player) {
        RunningMatch r = running;
        if (r == null || model.mode() != Mode.LIVE) {
            return null;
        }
        Location at = nextLocation == null || model.setup() == null ? nextLocation
                : PitchSides.forOrigin(nextLocation, origin, model.setup().origins());
        PendingReport p = r.client().report(new TimelineEvent(action, origin, Instant.now(), player, null, null,
                Map.of(), at));
        nextLocation = null;
        queueRefresh();
        return p;
    }

    /**
     * The player an origin's shirt number stands for, as a report names it: typing {@code 9} then G reports a
     * goal by this player. Call on the UI thread.
     *
     * @return the player's name from the origin's line-up, or "#9" when the line-up does not know the number
     */
    public String playerForShirt(String origin, int number) {
        return player(origin, number).map(Player::name).orElse("#" + number);
    }

    /**
     * Sets where the next report took place, as the Pitch view draws the pitch (see {@link PitchSides}), or clears
     * it with {@code null}. The next {@link #report} carries it and clears it. Call on the UI thread.
     */
    public void nextLocation(Location drawn) {
        nextLocation = drawn;
        uiNow(() -> { });
    }

    /** @return where the next report took place, as drawn on the Pitch view; {@code null} when not set */
    public Location nextLocation() {
        return nextLocation;
    }

    /** Asks to retract the event of this user's last accepted report. @return its id, if there was one */
    public Optional<String> retractLast() {
        RunningMatch r = running;
        return r == null ? Optional.empty() : r.client().retractLast("retracted by the reporter");
    }

    // ------------------------------------------------------------------------------------ review

    /** Opens a saved match (a match file or a host journal) for review. Call from a Job. */
    public void openReview(Path file) throws Exception {
        SavedMatch saved = SavedMatch.read(file);
        Timeline t = Timeline.of(saved.messages());
        leave();
        long mine = generation.get();
        ui(() -> {
            if (generation.get() == mine) {
                model.review(saved, t, file, sports);
            }
        });
    }

    // ------------------------------------------------------------------------------------ leaving

    /**
     * Leaves the match. Returns at once on any thread: the view shows no match from now on (at once on the UI
     * thread), and a Job of the family {@link #LEAVING} closes the connection and stops what this process hosts.
     */
    public void leave() {
        RunningMatch r = detach();
        if (r != null) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            closed = done;
            Job closing = new Job("Leaving the match") {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    monitor.beginTask("Closing the connection and stopping what this computer hosts",
                            IProgressMonitor.UNKNOWN);
                    try {
                        r.close();
                        return Status.OK_STATUS;
                    } catch (RuntimeException e) {
                        ILog.of(LiveSession.class).error("Leaving the match: " + e.getMessage(), e);
                        return Status.info("The match was left, but closing it failed: " + e.getMessage());
                    } finally {
                        done.complete(null);
                        monitor.done();
                    }
                }

                @Override
                public boolean belongsTo(Object family) {
                    return family == LEAVING;
                }
            };
            closing.setSystem(true);
            closing.schedule();
        }
        uiNow(() -> {
            nextLocation = null;
            model.idle(idleStatus());
        });
    }

    /**
     * Waits until the match left last is closed, so that what it held (ports, a local match's folder) is free
     * again. Blocks: call from a Job.
     */
    private void awaitClosed() throws InterruptedException, TimeoutException {
        try {
            closed.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // closing reports its own failure
        }
    }

    /** @return what ran the match, no longer reachable from the session; callbacks of it are ignored from now on */
    private RunningMatch detach() {
        generation.incrementAndGet();
        RunningMatch r = running;
        running = null;
        return r;
    }

    private String idleStatus() {
        String user = lookup.user();
        return user != null ? "Signed in to " + lookup.url() + " as " + user : "Not connected";
    }

    // ------------------------------------------------------------------------------------ threads

    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            ui(() -> refreshQueued.set(false));
        }
    }

    /** Runs {@code r} on the UI thread, later, then brings the statistics up to date and tells the listeners. */
    private void ui(Runnable r) {
        ui(r, false);
    }

    /** The same, but at once when called on the UI thread. */
    private void uiNow(Runnable r) {
        ui(r, true);
    }

    private void ui(Runnable r, boolean now) {
        Display d = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getDisplay() : null;
        if (d == null || d.isDisposed()) {
            return;
        }
        Runnable task = () -> {
            r.run();
            model.applyNew();
            for (Listener l : listeners) {
                l.changed(this);
            }
        };
        if (now && Display.getCurrent() == d) {
            task.run();
        } else {
            d.asyncExec(task);
        }
    }
}
