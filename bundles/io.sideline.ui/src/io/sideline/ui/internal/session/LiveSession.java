package io.sideline.ui.internal.session;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.swt.widgets.Display;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.sideline.host.HostedMatch;
import io.sideline.host.LocalMatch;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Page;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.peer.MatchClient;
import io.sideline.peer.PendingReport;
import io.sideline.interop.Interop;
import io.sideline.peer.SavedMatch;
import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.stats.MatchStats;
import io.sideline.stats.SetupSport;

/**
 * The match the workbench shows: live (joined, hosted here, or local) or under review (opened from a file).
 * Views read it and listen to it; commands drive it. Long steps (connecting, joining, opening) are called
 * from Eclipse Jobs; everything a view reads, and every listener call, happens on the UI thread.
 */
@Component(service = LiveSession.class)
public final class LiveSession {

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

    private final List<Sport> sports = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    // the lookup server (any thread; set by connect)
    private volatile LookupClient lookup;
    private volatile Session session;
    private volatile URI lookupUrl;

    // the match (UI thread)
    private Mode mode = Mode.IDLE;
    private String title;
    private Setup setup;
    private Sport sport;
    private MatchStats stats;
    private Timeline timeline = new Timeline();
    private String status = "Not connected";
    private String problem;
    private Path reviewFile;
    private long appliedSeq;

    /** which match the callbacks are for: a closed client's last words must not touch the next match */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    // what runs the match (any thread)
    private volatile MatchClient client;
    private volatile LocalMatch local;
    private volatile HostedMatch hosted;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeSport")
    void addSport(Sport s) {
        sports.add(s);
    }

    void removeSport(Sport s) {
        sports.remove(s);
    }

    @Deactivate
    void deactivate() {
        leave();
    }

    // ------------------------------------------------------------------------------------ reading

    /** @return the installed sports, by name */
    public List<Sport> sports() {
        List<Sport> out = new ArrayList<>(sports);
        out.sort(Comparator.comparing(Sport::name));
        return out;
    }

    /** @return the installed sport with this id, or {@code null} */
    public Sport sport(String id) {
        return sports.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    public Mode mode() {
        return mode;
    }

    /** @return the match's name, or {@code null} without a match */
    public String title() {
        return title;
    }

    /** @return the setup of the match: origins and actions; {@code null} before one arrives */
    public Setup setup() {
        return setup;
    }

    /** @return the match's sport (a plain one made from the setup when it is not installed here) */
    public Sport matchSport() {
        return sport;
    }

    /** @return the statistics; {@code null} without a match */
    public MatchStats stats() {
        return stats;
    }

    /** @return every accepted message so far */
    public Timeline timeline() {
        return timeline;
    }

    /** @return the current version of each event, in match time order */
    public List<Accepted> feed() {
        List<Accepted> out = new ArrayList<>(timeline.latest());
        out.sort(Comparator.comparing((Accepted a) -> a.event().time()).thenComparingLong(Accepted::seq));
        return out;
    }

    /** @return this user's reports the host has not accepted yet */
    public List<PendingReport> pending() {
        MatchClient c = client;
        return c == null ? List.of() : c.pending();
    }

    /** @return this user's reports in this match, oldest first, whatever became of them */
    public List<PendingReport> reports() {
        MatchClient c = client;
        return c == null ? List.of() : c.reports();
    }

    /** @return a line on the connection: "Connected to …", "Reconnecting …", "Review of …" */
    public String status() {
        return status;
    }

    /** @return the last problem, in words, or {@code null} */
    public String problem() {
        return problem;
    }

    /** @return whether the workbench is connected to a lookup server */
    public boolean connectedToLookup() {
        return session != null;
    }

    /** @return the lookup server's URL, or {@code null} */
    public URI lookupUrl() {
        return lookupUrl;
    }

    /** @return the user identified with the lookup server, or {@code null} */
    public String user() {
        Session s = session;
        return s == null ? null : s.user();
    }

    /** @return the local match, when one runs */
    public LocalMatch local() {
        return local;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    // ------------------------------------------------------------------------------------ lookup server

    /**
     * Identifies with a lookup server (registering first when asked). Call from a Job.
     *
     * @throws LookupException with a readable message
     */
    public void connect(URI url, String user, String password, boolean register) throws Exception {
        LookupClient c = LookupClient.create(url);
        try {
            if (register) {
                try {
                    HostedMatch.await(c.register(user, password), "register " + user);
                } catch (LookupException e) {
                    if (!e.is(LookupError.USER_EXISTS)) {
                        throw e;
                    }
                }
            }
            Session s = HostedMatch.await(c.identify(user, password), "identify as " + user);
            LookupClient old = lookup;
            lookup = c;
            session = s;
            lookupUrl = url;
            if (old != null) {
                old.close();
            }
            ui(() -> {
                if (mode == Mode.IDLE) {
                    status = "Signed in to " + url + " as " + user;
                }
            });
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    /** @return the matches a search finds. Call from a Job. */
    public Page<Match> search(MatchQuery query) throws Exception {
        requireLookup();
        return HostedMatch.await(lookup.search(session, query), "search for matches");
    }

    private void requireLookup() {
        if (lookup == null || session == null) {
            throw new IllegalStateException("Connect to a lookup server first (File › Connect…)");
        }
    }

    /** Joins a match found on the lookup server. Call from a Job. */
    public void join(String matchId) throws Exception {
        requireLookup();
        Match m = HostedMatch.await(lookup.match(session, matchId), "look up the match");
        JoinTicket t = HostedMatch.await(lookup.join(session, matchId), "join the match");
        startLive(m.name(), sport(m.sport()), t, null, null);
    }

    /** Registers a new match, hosts it in this process, and joins it. Call from a Job. */
    public void createAndHost(String name, Sport s, List<String> teams, Instant start, QuorumPolicy quorum, Path dataDir)
            throws Exception {
        requireLookup();
        HostedMatch h = HostedMatch.with(lookup, session).sports(this::sport).dataDir(dataDir.resolve("journals"))
                .bindHost("0.0.0.0").port(0).create(name, s, teams, start, quorum);
        try {
            JoinTicket t = HostedMatch.await(lookup.join(session, h.match().id()), "join the match");
            startLive(name, s, t, h, null);
        } catch (Exception e) {
            h.close();
            throw e;
        }
    }

    /** Starts a local match: a lookup server and host in this process, joined at once. Call from a Job. */
    public void startLocal(String name, Sport s, List<String> teams, QuorumPolicy quorum, Path dataDir) throws Exception {
        LocalMatch m = LocalMatch.start(dataDir, s, name, teams, quorum, line -> { });
        try {
            startLive(name, s, m.join(), null, m);
        } catch (Exception e) {
            m.close();
            throw e;
        }
    }

    private void startLive(String name, Sport s, JoinTicket ticket, HostedMatch h, LocalMatch l) {
        leave();
        hosted = h;
        local = l;
        Timeline t = new Timeline();
        Function<String, Duration> windows = title -> {
            Sport sp = s;
            SportAction a = sp == null ? null : sp.action(title);
            return a == null ? Duration.ofSeconds(60) : a.votingWindow().plusSeconds(30);
        };
        MatchClient.Options options = MatchClient.Options.defaults().withWindows(windows)
                .withClientName("sideline-workbench");
        ui(() -> {
            mode = Mode.LIVE;
            title = name;
            setup = null;
            sport = s;
            timeline = t;
            stats = null;
            problem = null;
            reviewFile = null;
            status = "Connecting to " + ticket.hostUrl() + " …";
        });
        client = MatchClient.connect(URI.create(ticket.hostUrl()), ticket.token(), t, options,
                new ClientListener(generation.get()));
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
            ui(() -> status = switch (state) {
                case CONNECTING -> "Connecting …";
                case CONNECTED -> "Live" + (local != null ? " · local match" : hosted != null ? " · hosted here" : "");
                case RECONNECTING -> "Reconnecting: " + reason;
                case CLOSED -> "Disconnected: " + reason;
            });
        }

        @Override
        public void setupReceived(Setup s) {
            ui(() -> {
                setup = s;
                if (sport == null || !sport.id().equals(s.sport())) {
                    Sport installed = s.sport() == null ? null : sport(s.sport());
                    sport = installed != null ? installed : new SetupSport(s);
                }
                if (s.name() != null) {
                    title = s.name();
                }
                if (stats == null) {
                    stats = new MatchStats(sport, s.origins(), null);
                    appliedSeq = 0;
                }
            });
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
            ui(() -> problem = readable);
        }
    }

    /** Reports an action by an origin, now. */
    public PendingReport report(String action, String origin, String player) {
        MatchClient c = client;
        if (c == null || mode != Mode.LIVE) {
            return null;
        }
        PendingReport r = c.report(new TimelineEvent(action, origin, Instant.now(), player, null, null,
                java.util.Map.of()));
        queueRefresh();
        return r;
    }

    /** Asks to retract the event of this user's last accepted report. @return its id, if there was one */
    public Optional<String> retractLast() {
        MatchClient c = client;
        return c == null ? Optional.empty() : c.retractLast("retracted by the reporter");
    }

    // ------------------------------------------------------------------------------------ review

    /** Opens a saved match (a match file or a host journal) for review. Call from a Job. */
    public void openReview(Path file) throws Exception {
        SavedMatch saved = SavedMatch.read(file);
        Timeline t = Timeline.of(saved.messages());
        leave();
        ui(() -> {
            mode = Mode.REVIEW;
            setup = saved.setup();
            Sport installed = setup.sport() == null ? null : sport(setup.sport());
            sport = installed != null ? installed : new SetupSport(setup);
            title = setup.name() != null ? setup.name() : file.getFileName().toString();
            timeline = t;
            stats = new MatchStats(sport, setup.origins(), null);
            appliedSeq = 0;
            problem = null;
            reviewFile = file;
            status = "Review of " + file.getFileName() + " · " + t.latest().size() + " events";
        });
    }

    /** Saves the match as a match file. */
    public void save(Path file) throws Exception {
        savedMatch().write(file);
    }

    /** @return the match as it stands, for saving and exporting */
    public SavedMatch savedMatch() {
        Setup s = setup;
        if (s == null) {
            throw new IllegalStateException("There is no match yet: start, join or open one first");
        }
        return new SavedMatch(s, timeline.all());
    }

    /** Exports the timeline as CSV, one row per version of each event, timed as the statistics are. */
    public void exportCsv(Path file) throws Exception {
        Interop.exportCsv(savedMatch(), sport, file);
    }

    /** @return the file a review was opened from */
    public Path reviewFile() {
        return reviewFile;
    }

    /** Leaves the match: closes the connection and stops what this process hosts. */
    public void leave() {
        generation.incrementAndGet();
        MatchClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        HostedMatch h = hosted;
        hosted = null;
        if (h != null) {
            h.close();
        }
        LocalMatch l = local;
        local = null;
        if (l != null) {
            l.close();
        }
        ui(() -> {
            mode = Mode.IDLE;
            title = null;
            setup = null;
            stats = null;
            timeline = new Timeline();
            problem = null;
            reviewFile = null;
            status = session != null ? "Signed in to " + lookupUrl + " as " + session.user() : "Not connected";
        });
    }

    // ------------------------------------------------------------------------------------ threads

    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            ui(() -> refreshQueued.set(false));
        }
    }

    /** applies to the statistics what arrived since the last time, up to the first gap */
    private void applyNew() {
        MatchStats st = stats;
        if (st == null) {
            return;
        }
        long upTo = timeline.contiguousSeq();
        if (upTo <= appliedSeq) {
            return;
        }
        for (Accepted a : timeline.all()) {
            if (a.seq() > appliedSeq && a.seq() <= upTo) {
                st.apply(a);
            }
        }
        appliedSeq = upTo;
    }

    /** Runs on the UI thread, then tells the listeners. */
    private void ui(Runnable r) {
        Display d = org.eclipse.ui.PlatformUI.isWorkbenchRunning() ? org.eclipse.ui.PlatformUI.getWorkbench().getDisplay()
                : null;
        if (d == null || d.isDisposed()) {
            return;
        }
        d.asyncExec(() -> {
            r.run();
            applyNew();
            for (Listener l : listeners) {
                l.changed(this);
            }
        });
    }
}
