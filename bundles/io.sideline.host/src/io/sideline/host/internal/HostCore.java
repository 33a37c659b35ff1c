package io.sideline.host.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.sideline.host.HostConfig;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Correction;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Heartbeat;
import io.sideline.protocol.Lineup;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.CorrectionReport;
import io.sideline.voting.Decision;
import io.sideline.voting.Report;
import io.sideline.voting.VotingEngine;

/**
 * The host's one thread of decisions: it feeds reports to the vote, gives each accepted version the next
 * sequence number, writes the batch to the journal and forces it to disk, and only then publishes the
 * frames and wakes the peers. Reports queue while it works and are then voted on as one batch, with one
 * {@code fsync}. No lock is held across I/O to a peer: peers pull frames themselves.
 */
public final class HostCore implements AutoCloseable {

    private final HostConfig config;
    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final VotingEngine engine;
    private final FrameLog frames;
    private final Journal journal;
    private final Set<PeerConnection> peers = ConcurrentHashMap.newKeySet();
    /** the users connected, each with its queue of reports and corrections waiting for the core thread */
    private final Identities identities;
    /** the users with waiting work, each once, in the order the core thread serves them (round-robin) */
    private final Queue<Identities.Identity> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** the most reports voted on before their accepted events are journaled and sent */
    private static final int MAX_BATCH = 1024;
    private final ScheduledExecutorService thread;
    private volatile String failure;
    /** set when an accepted version did not fit in the timeline: it takes nothing more; the core thread only */
    private boolean filled;
    /** the line-ups now: the configuration's or the setup file's, changed by the owner and by substitutions; the core
     * thread writes it */
    private volatile Lineups lineups;

    /** the title of the action that moves players on and off the pitch, in every shipped sport */
    static final String SUBSTITUTION = "Substitution";
    /** the qualifier that names the player coming on in a substitution; the event's player goes off */
    static final String REPLACEMENT = "replacement";

    private HostCore(HostConfig config, Journal journal, FrameLog frames, Lineups lineups) {
        this.config = config;
        this.lineups = lineups;
        this.journal = journal;
        this.frames = frames;
        this.engine = new VotingEngine(config.rules(), config.clock());
        this.identities = new Identities(config.maxConnectionsPerIdentity(), config.reportsPerSecond(),
                config.reportBurst());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "host-core-" + config.matchId());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The codec of the journal's lines: the standard limits, but lines of up to 1 MiB, which the longest
     * {@code accepted} message a host of an earlier version could write (256 qualifiers of 200 characters of up
     * to 3 bytes each) fits in. What the host writes now is far smaller.
     */
    private static final ProtocolCodec JOURNAL_CODEC = new ProtocolCodec(new ProtocolLimits(1024 * 1024,
            ProtocolLimits.STANDARD.maxTextLength(), ProtocolLimits.STANDARD.maxTokenLength(),
            ProtocolLimits.STANDARD.maxListSize()));

    /**
     * Opens the match's journal, recovers its timeline, and starts the vote's clock. The journal is read one line
     * at a time: the host keeps each line once, as the frame peers are sent, and the latest version of each event
     * for the vote.
     */
    public static HostCore open(HostConfig config) throws IOException {
        Files.createDirectories(config.journalDir());
        Lineups lineups = savedLineups(config).orElse(config.lineups());
        writeSetup(config, lineups);
        Map<String, AcceptedEvent> latest = new LinkedHashMap<>();
        FrameLog frames = new FrameLog();
        Journal.Recovered r = Journal.open(config.journalDir().resolve(config.matchId() + ".journal"),
                JOURNAL_CODEC.limits().maxMessageBytes(), new Journal.Lines() {
                    @Override
                    public void take(byte[] utf8, long number) throws ProtocolException {
                        Message m = JOURNAL_CODEC.decode(utf8);
                        long seq = frames.size() + 1L;
                        if (!(m instanceof Accepted a)) {
                            throw new ProtocolException(ProtocolError.INVALID_VALUE, "type", "a \"" + m.type()
                                    + "\" message where the accepted message of seq " + seq + " belongs");
                        }
                        if (a.seq() != seq) {
                            throw new ProtocolException(ProtocolError.INVALID_VALUE, "seq", "seq " + a.seq()
                                    + " where seq " + seq + " belongs");
                        }
                        frames.append(utf8);
                        latest.put(a.id(), toEvent(a));
                    }

                    @Override
                    public boolean readable(byte[] utf8) {
                        try {
                            return JOURNAL_CODEC.decode(utf8) instanceof Accepted;
                        } catch (ProtocolException e) {
                            return false;
                        }
                    }
                });
        HostCore core = new HostCore(config, r.journal(), frames, lineups);
        core.engine.restore(new ArrayList<>(latest.values()));
        latest.clear();
        Journal.Cut cut = r.cut();
        if (r.lines() > 0 || cut != null) {
            config.log().accept("recovered " + r.lines() + " accepted events from " + r.journal().file()
                    + (cut == null ? "" : "; cut off its last " + cut.bytes() + " bytes: " + cut.why()
                            + (cut.savedTo() == null ? "" : ", saved in " + cut.savedTo())));
        }
        if (core.full()) {
            config.log().accept("the match's timeline is full (" + core.fullness() + "): it takes no more reports");
        }
        core.thread.scheduleWithFixedDelay(core::tick, 1, 1, TimeUnit.SECONDS);
        long beat = config.heartbeatInterval().toMillis();
        core.thread.scheduleWithFixedDelay(core::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        return core;
    }

    /**
     * Writes {@code <matchId>.setup.json} beside the journal: the match's setup message, so that a journal
     * opened for review (with no host running) knows its teams, actions and sport.
     */
    private static void writeSetup(HostConfig config, Lineups lineups) throws IOException {
        Path file = setupFile(config);
        String setup = ProtocolCodec.standard().encode(new Setup(config.origins(), config.actions(), config.matchId(),
                config.name(), config.sport(), null, lineups)) + "\n";
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(setup)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, setup, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path setupFile(HostConfig config) {
        return config.journalDir().resolve(config.matchId() + ".setup.json");
    }

    /**
     * @return the line-ups of the setup file a host of this match wrote before (its owner's changes and the
     *         substitutions since the start), when it holds any
     */
    private static Optional<Lineups> savedLineups(HostConfig config) {
        Path file = setupFile(config);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Setup saved = (Setup) ProtocolCodec.standard().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
            Lineups l = saved.lineups();
            // teams of the configuration only: a setup file of another match's teams says nothing about this one
            return l.isEmpty() || !config.origins().containsAll(l.teams().keySet()) ? Optional.empty() : Optional.of(l);
        } catch (IOException | ProtocolException | ClassCastException e) {
            config.log().accept("the setup file " + file + " cannot be read (" + e.getMessage()
                    + "); the match starts with the line-ups it was given");
            return Optional.empty();
        }
    }

    private static AcceptedEvent toEvent(Accepted a) {
        AcceptedEvent.Status status = switch (a.status()) {
            case ACCEPTED -> AcceptedEvent.Status.ACCEPTED;
            case AMENDED -> AcceptedEvent.Status.AMENDED;
            case RETRACTED -> AcceptedEvent.Status.RETRACTED;
        };
        TimelineEvent e = a.event();
        return new AcceptedEvent(a.id(), a.version(), status, e.title(), e.origin(), e.time(), e.player(), e.qualifiers(),
                a.votes(), a.confidence(), a.time(), a.reason(), e.location(), a.playerShare());
    }

    private Accepted toMessage(AcceptedEvent e, long seq) {
        Accepted.Status status = switch (e.status()) {
            case ACCEPTED -> Accepted.Status.ACCEPTED;
            case AMENDED -> Accepted.Status.AMENDED;
            case RETRACTED -> Accepted.Status.RETRACTED;
        };
        return new Accepted(e.acceptedAt(), e.id(), seq, e.version(), status,
                new TimelineEvent(e.title(), e.origin(), e.eventTime(), e.player(), null, null, e.qualifiers(), e.location()),
                e.votes(), e.confidence(), e.reason(), e.playerShare());
    }

    // ------------------------------------------------------------------------------------ peers' work

    /** the encoded setup message for a peer joining now */
    String setupFrame() {
        return codec.encode(new Setup(config.origins(), config.actions(), config.matchId(), config.name(),
                config.sport(), (long) frames.size(), lineups));
    }

    /** @return the line-ups now */
    public Lineups lineups() {
        return lineups;
    }

    /**
     * The owner's change of line-ups: taken from the owner only, then every peer gets a new setup.
     *
     * @param user the user of the connection it came on
     */
    void lineup(PeerConnection from, String user, Lineup change) {
        thread.execute(() -> {
            String owner = config.owner();
            if (owner == null || !owner.equals(user)) {
                from.sendError(new ProtocolException(ProtocolError.FORBIDDEN, "lineups", "only the match's owner ("
                        + (owner == null ? "no one, in this match" : owner)
                        + ") may change its line-ups; " + user + " may not").toErrorMessage(change.ref()));
                return;
            }
            Set<String> named = new java.util.LinkedHashSet<>(change.lineups().teams().keySet());
            named.addAll(change.cleared());
            for (String origin : named) {
                if (!config.origins().contains(origin)) {
                    from.sendError(new ProtocolException(ProtocolError.INVALID_VALUE, "lineups", "\"" + origin
                            + "\" is not a team of this match; the setup message lists them").toErrorMessage(change.ref()));
                    return;
                }
            }
            Lineups next = lineups.with(change.lineups(), change.cleared());
            int size = codec.encodeUtf8(new Setup(config.origins(), config.actions(), config.matchId(), config.name(),
                    config.sport(), Long.MAX_VALUE / 2, next)).length;
            if (size > ProtocolLimits.STANDARD.maxMessageBytes()) {
                from.sendError(new ProtocolException(ProtocolError.TOO_LONG, "lineups", "with these line-ups the setup "
                        + "message would be " + size + " bytes long; the limit is "
                        + ProtocolLimits.STANDARD.maxMessageBytes()).toErrorMessage(change.ref()));
                return;
            }
            config.log().accept(user + " changed the line-ups of " + String.join(", ", named));
            changeLineups(next);
        });
    }

    /** Keeps new line-ups, in the setup file too, and sends every peer the setup with them. The core thread. */
    private void changeLineups(Lineups next) {
        if (next.equals(lineups)) {
            return;
        }
        lineups = next;
        try {
            writeSetup(config, next);
        } catch (IOException e) {
            config.log().accept("error: the setup file cannot be written (" + e.getMessage()
                    + "); a restart would start with older line-ups");
        }
        String frame = setupFrame();
        for (PeerConnection p : peers) {
            p.sendSetup(frame);
        }
    }

    /**
     * A new substitution moves players: the event's player goes off and its {@link #REPLACEMENT} comes on. When it
     * names only one player of the line-up, that player changes sides: off the pitch if on it, on if off it.
     */
    private void substitute(AcceptedEvent e) {
        String origin = e.origin();
        Optional<Player> named = lineups.find(origin, e.player());
        String replacementName = e.qualifiers().get(REPLACEMENT);
        Optional<Player> replacement = lineups.find(origin, replacementName);
        Lineups next = lineups;
        if (named.isPresent()) {
            boolean goesOff = replacementName != null || named.get().on();
            next = next.withOn(origin, named.get().number(), !goesOff);
        }
        if (replacement.isPresent()) {
            next = next.withOn(origin, replacement.get().number(), true);
        }
        if (!next.equals(lineups)) {
            config.log().accept("substitution of " + origin + " moved " + named.map(Player::label).orElse("no one")
                    + " and " + replacement.map(Player::label).orElse("no one"));
            changeLineups(next);
        }
    }

    /** Adds an identified peer: on the core thread, so it sees every frame from its cursor on exactly once. */
    void join(PeerConnection peer, long lastSeq, Runnable then) {
        thread.execute(() -> {
            long from = Math.min(Math.max(0, lastSeq), frames.size()) + 1;
            peer.start(setupFrame(), from);
            peers.add(peer);
            if (peer.isClosed()) {
                peers.remove(peer); // it closed while its token was checked
                return;
            }
            peer.pump();
            then.run();
        });
    }

    void leave(PeerConnection peer) {
        peers.remove(peer);
    }

    /**
     * @return whether the report was taken: it waits for the vote, or was refused with its own error (a time out of
     *         the window); {@code false}: the user has too many waiting already
     */
    boolean report(PeerConnection from, Identities.Identity who, EventReport r, Instant receivedAt) {
        if (refuseTime(from, r.event(), r.ref())) {
            return true;
        }
        String identity = who.user;
        return enqueue(who, () -> {
            if (refuseIfFailed(from) || refuseIfFull(from, r.ref())) {
                return List.of();
            }
            TimelineEvent e = r.event();
            // the ref names the connection too, so that a rejection reaches the client that sent the report
            return engine.submit(new Report(identity, e.title(), e.origin(), e.time(), receivedAt, e.player(),
                    e.qualifiers(), e.location(), r.ref() == null ? null : from.serial + ":" + r.ref()));
        });
    }

    /**
     * @return whether the correction was taken: it waits for the vote, or was refused with its own error; {@code
     *         false}: the user has too many waiting already
     */
    boolean correct(PeerConnection from, Identities.Identity who, Correction c, Instant receivedAt) {
        TimelineEvent amended = c.amended();
        if (amended != null && refuseTime(from, amended, c.ref())) {
            return true;
        }
        String identity = who.user;
        return enqueue(who, () -> {
            if (refuseIfFailed(from) || refuseIfFull(from, c.ref())) {
                return List.of();
            }
            if (engine.event(c.target()).isEmpty()) {
                from.sendError(new ProtocolException(ProtocolError.UNKNOWN_EVENT, "target", "there is no accepted event \""
                        + c.target() + "\" in this match").toErrorMessage(c.ref()));
                return List.of();
            }
            CorrectionReport report;
            if (c.action() == Correction.Action.RETRACT) {
                report = CorrectionReport.retraction(identity, c.target(), c.reason(), receivedAt);
            } else {
                TimelineEvent event = Objects.requireNonNull(amended, "amended"); // Correction requires it
                report = CorrectionReport.amendment(identity, c.target(), event.title(), event.origin(),
                        event.time(), c.reason(), receivedAt);
            }
            return engine.correct(report);
        });
    }

    /** A report or correction waiting for the core thread: it returns what the vote decided. */
    interface Work {
        List<Decision> run();
    }

    /**
     * Queues work for the core thread in the user's own queue, which holds at most
     * {@link HostConfig#maxQueuedPerIdentity()}. Reports that arrive while the core thread is busy are voted on
     * together and their accepted events journaled with one {@code fsync} (group commit): under load the batches
     * grow, so the disk's flush rate does not cap the reports a host can take.
     *
     * @return {@code false} when the user's queue is full: the work is dropped
     */
    private boolean enqueue(Identities.Identity who, Work work) {
        if (who.queued.incrementAndGet() > config.maxQueuedPerIdentity()) {
            who.queued.decrementAndGet();
            return false;
        }
        who.queue.add(work);
        if (who.listed.compareAndSet(false, true)) {
            inbox.add(who);
        }
        if (drainScheduled.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
        return true;
    }

    /**
     * Takes the waiting work one item per user in turn (round-robin), so that ahead of a user's report wait at most
     * one item of each other user with waiting work, however many one user sent.
     */
    private void drain() {
        drainScheduled.set(false);
        List<Decision> decisions = new ArrayList<>();
        Identities.Identity who;
        int n = 0;
        while (n < MAX_BATCH && (who = inbox.poll()) != null) {
            Work w = who.queue.poll();
            if (w != null) {
                who.queued.decrementAndGet();
            }
            if (!who.queue.isEmpty()) {
                inbox.add(who); // to the back of the round
            } else {
                who.listed.set(false);
                // work added between the poll and the flag is listed here (enqueue saw the flag still set)
                if (!who.queue.isEmpty() && who.listed.compareAndSet(false, true)) {
                    inbox.add(who);
                }
            }
            if (w == null) {
                continue;
            }
            try {
                decisions.addAll(w.run());
            } catch (RuntimeException e) {
                config.log().accept("error: the vote failed on a report: " + e);
            }
            n++;
        }
        publish(decisions);
        if (!inbox.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    /**
     * Refuses an event that cannot have happened in this match: before the window opens, {@link
     * HostConfig#EARLIEST_BEFORE_START} before the match's start, or after {@link HostConfig#LATEST_AFTER_NOW}
     * from now, both by the host's clock (which a replay sets).
     */
    private boolean refuseTime(PeerConnection from, TimelineEvent e, String ref) {
        Instant earliest = config.earliestEventTime();
        Instant latest = config.latestEventTime();
        if (!e.time().isBefore(earliest) && !e.time().isAfter(latest)) {
            return false;
        }
        from.sendError(new ProtocolException(ProtocolError.OUT_OF_RANGE, "event.time", "\"event.time\" is " + e.time()
                + "; this match takes events that happened from " + earliest + " ("
                + hours(HostConfig.EARLIEST_BEFORE_START) + " before its start or the host's now, whichever is earlier) to "
                + latest + " (" + HostConfig.LATEST_AFTER_NOW.toMinutes() + " minutes after the host's now)")
                .toErrorMessage(ref));
        return true;
    }

    private static String hours(Duration d) {
        return d.toHours() + " hours";
    }

    /**
     * The most bytes one accepted message of a report within the protocol's limits takes in the journal: texts of
     * 200 characters, 2 KiB of qualifiers, each character at most 3 bytes of UTF-8 and every one escaped at worst.
     * The host takes no report that might not fit.
     */
    static final int LARGEST_LINE = 8 * 1024;

    /**
     * @return whether the timeline holds as many messages as the host allows, or its journal is closer to its
     *         cap than {@link #LARGEST_LINE}; the core thread
     */
    boolean full() {
        return filled || frames.size() >= config.maxTimelineMessages()
                || journal.bytes() > config.maxJournalBytes() - LARGEST_LINE;
    }

    /** @return how full the timeline is, in words */
    private String fullness() {
        return frames.size() + " of " + config.maxTimelineMessages() + " accepted messages, " + journal.bytes() + " of "
                + config.maxJournalBytes() + " journal bytes";
    }

    private boolean refuseIfFull(PeerConnection from, String ref) {
        if (!full()) {
            return false;
        }
        from.sendError(new ProtocolException(ProtocolError.MATCH_FULL, null, "this match's timeline is full ("
                + fullness() + "); the host takes no more reports or corrections").toErrorMessage(ref));
        return true;
    }

    private boolean refuseIfFailed(PeerConnection from) {
        if (failure == null) {
            return false;
        }
        from.sendError(new ProtocolException(ProtocolError.INTERNAL, null, failure).toErrorMessage(null));
        return true;
    }

    private void tick() {
        try {
            publish(engine.tick());
        } catch (RuntimeException e) {
            config.log().accept("error: the vote failed: " + e);
        }
    }

    private void heartbeat() {
        String beat = codec.encode(new Heartbeat(config.clock().instant(), (long) frames.size()));
        for (PeerConnection p : peers) {
            p.sendControl(beat);
        }
    }

    /** Journals, then publishes, every new version a decision produced. */
    private void publish(List<Decision> decisions) {
        // each accepted version is encoded to UTF-8 once: the journal writes these bytes, every peer is sent them
        List<byte[]> lines = new ArrayList<>();
        List<AcceptedEvent> substitutions = new ArrayList<>();
        long bytes = journal.bytes();
        int dropped = 0;
        for (Decision d : decisions) {
            if (d instanceof Decision.Reject rejected) {
                tellRejected(rejected);
            }
            if (d instanceof Decision.Accept a) {
                byte[] line = codec.encodeUtf8(toMessage(a.event(), frames.size() + lines.size() + 1L));
                // a vote under way when the timeline filled up is not recorded: the caps are never passed
                if (filled || frames.size() + lines.size() >= config.maxTimelineMessages()
                        || bytes + line.length + 1 > config.maxJournalBytes()) {
                    filled = true; // what would not fit closes the timeline: no later, smaller line slips in
                    dropped++;
                    continue;
                }
                lines.add(line);
                bytes += line.length + 1;
                if (a.kind() == Decision.Kind.NEW && a.event().status() == AcceptedEvent.Status.ACCEPTED
                        && SUBSTITUTION.equals(a.event().title())) {
                    substitutions.add(a.event());
                }
            }
        }
        if (dropped > 0) {
            config.log().accept("the match's timeline is full (" + fullness() + "): " + dropped
                    + " accepted versions were not recorded");
        }
        if (lines.isEmpty()) {
            return;
        }
        try {
            journal.append(lines);
        } catch (IOException e) {
            failure = "the host cannot write its journal (" + e.getMessage() + "); it accepts nothing more";
            config.log().accept("error: " + failure);
            return;
        }
        lines.forEach(frames::append);
        for (PeerConnection p : peers) {
            p.pump();
        }
        substitutions.forEach(this::substitute);
    }

    /**
     * Tells each reporter of a rejected candidate, on the connection its report came by, that it was not accepted
     * and why (a {@code not_accepted} error naming the report's ref): the analyst reads the reason at once instead of
     * waiting for the report to time out. A reporter whose connection has closed since learns nothing.
     */
    private void tellRejected(Decision.Reject rejected) {
        for (Map.Entry<String, String> e : rejected.refs().entrySet()) {
            String ref = e.getValue();
            int colon = ref.indexOf(':');
            long serial;
            try {
                serial = Long.parseLong(ref.substring(0, colon));
            } catch (RuntimeException notOurs) {
                continue;
            }
            for (PeerConnection p : peers) {
                if (p.serial == serial) {
                    p.sendError(new ErrorMessage(ProtocolError.NOT_ACCEPTED.code(), rejected.title() + " by "
                            + rejected.origin() + " was not accepted: " + rejected.reason(), null,
                            ref.substring(colon + 1)));
                    break;
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------- queries

    /** @return the frames of the timeline */
    public FrameLog frames() {
        return frames;
    }

    /** @return how many identified peers are connected */
    public int peerCount() {
        return peers.size();
    }

    /** @return the users connected, with their connection counts, rate limits and queues */
    Identities identities() {
        return identities;
    }

    /** @return the configuration */
    HostConfig config() {
        return config;
    }

    @Override
    public void close() throws IOException {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
