package io.sideline.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Correction;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Heartbeat;
import io.sideline.protocol.Hello;
import io.sideline.protocol.Lineup;
import io.sideline.protocol.Message;
import io.sideline.protocol.Player;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;

import org.jspecify.annotations.Nullable;

/**
 * A peer's connection to a match host (see {@code docs/protocol.md}): it identifies with its join token, receives
 * the setup and every accepted message into its {@link Timeline}, reports events, asks for corrections, and keeps
 * the connection up.
 * <p>
 * <b>Connecting.</b> {@link #connect(URI, String, Options, Listener)} returns at once; the client opens a
 * WebSocket and says {@code hello} with its token and the highest seq its timeline holds without a gap (0 the
 * first time). The host answers with {@code setup}, then the {@code accepted} messages the client lacks, then
 * live ones. The state goes {@link State#CONNECTING} → {@link State#CONNECTED} (when the setup arrives).
 * <p>
 * <b>Reconnecting.</b> When the connection breaks, or cannot be opened, the state becomes
 * {@link State#RECONNECTING} and the client tries again after a pause that starts at
 * {@link Options#initialBackoff()} and doubles up to {@link Options#maxBackoff()}; its {@code hello} carries the
 * seq it holds, so the timeline ends with every seq once, no gap and no duplicate. {@link #setHostUrl(URI)}
 * points the next attempts at another address (a host that moved) and retries at once. Reports and corrections
 * made while the client is not connected are sent when it is connected again, in the order they were made.
 * <p>
 * <b>Coding offline.</b> A report made while the host is unreachable {@linkplain PendingReport#isWaiting() waits}:
 * it keeps the time of the event as reported, does not time out, and is sent when the client is connected again.
 * A report's timeout runs only while the client is connected: it starts when the report is sent, stops when the
 * connection breaks and starts again when the client is connected again (when the host's catch-up may still bring
 * the event that accounts for it). With a {@link ReportOutbox} (see
 * {@link #connect(URI, String, Timeline, Options, ReportOutbox, Listener)}) every report is written to a file before
 * {@link #report(TimelineEvent)} returns and stays there until the host accepted or refused it, so reports also
 * outlive the client: a client started later on the same outbox sends the ones that never reached a host. A report
 * that was sent is never sent a second time, by this client or a later one (at most once: a second copy would be
 * a second event); when nothing the host accepted matches it, it is not accepted, saying that it may not have
 * reached the host.
 * <p>
 * <b>Stopping.</b> The client stops for good ({@link State#CLOSED}) on {@link #close()}, or when the host refuses
 * its token ({@code bad_token}, {@code token_expired}, {@code not_identified}): trying again with the same token
 * cannot succeed, so it does not loop. The reason given with {@code CLOSED} says which, in words.
 * <p>
 * <b>Keeping alive.</b> When it has sent nothing for {@link Options#heartbeatInterval()} (20 s by default, well
 * inside the host's 60 s idle timeout) it sends a {@code heartbeat}. When a heartbeat of the host announced a seq
 * the client still lacks at the host's next heartbeat, the client reconnects to fetch what it missed.
 * <p>
 * <b>Reports.</b> {@link #report(TimelineEvent)} returns a {@link PendingReport}. It becomes
 * {@link PendingReport.State#ACCEPTED} with the first accepted message (a new event or a confirmation) received
 * after it was made whose title and origin are the report's and whose event time is within the title's window
 * ({@link Options#windows()}) of the report's, and whose event did not already account for another report of this
 * client. The host announces confirmations only as an event's votes double, so a report that joined an event
 * accepted before it may get no message of its own: when such a report's timeout passes and the timeline holds a
 * standing event that matches it and accounts for no other report of this client, it is accepted by that
 * event. Otherwise it becomes {@link PendingReport.State#NOT_ACCEPTED} after {@link Options#reportTimeout()}, or
 * at once when the host refuses it with an {@code error}.
 * <p>
 * <b>Threads.</b> Every public method may be called from any thread. Every callback of the {@link Listener}, of
 * the {@link #timeline()}'s listeners for messages from the host, and every completion of
 * {@link PendingReport#outcome()} happens on the client's own thread (one per client, named
 * {@code sideline-peer-N}), in order. A user interface must hop to its display thread itself (with SWT,
 * {@code display.asyncExec}) and must not block the client's thread.
 */
public final class MatchClient implements AutoCloseable {

    /** The connection's state, as the {@link Listener} is told it. */
    public enum State {
        /** the first attempt to connect, until the setup arrives */
        CONNECTING,
        /** identified: the setup arrived; catch-up and live messages follow */
        CONNECTED,
        /** the connection broke or could not be opened; the client tries again after a pause */
        RECONNECTING,
        /** stopped for good: closed by {@link MatchClient#close()} or refused by the host */
        CLOSED
    }

    /**
     * What a client tells its user. Every method has an empty default, and is called on the client's thread
     * (see {@link MatchClient}); an exception thrown by one is logged and otherwise ignored.
     */
    public interface Listener {

        /**
         * The state changed, or it stayed {@link State#RECONNECTING} and another attempt failed.
         *
         * @param state  the new state
         * @param reason what happened, in words a person understands, for example
         *               {@code "the host refused the join token: this join token is not one the lookup server issued"}
         */
        default void stateChanged(State state, String reason) {
        }

        /** The host's setup arrived: the origins and actions to offer. Sent on every (re)connection. */
        default void setupReceived(Setup setup) {
        }

        /** An accepted message from the host changed the timeline (duplicates are not passed on). */
        default void accepted(Timeline.Change change) {
        }

        /** A report was made, or was accepted or not accepted. */
        default void reportChanged(PendingReport report) {
        }

        /**
         * The host sent an {@code error}, or something the client cannot read, or a setup that holds fewer messages
         * than the client.
         *
         * @param error    the host's message (for an unreadable message the code {@code "unreadable"}, for a host
         *                 that holds less than the client {@link MatchClient#HOST_BEHIND})
         * @param readable what it means, in a sentence for a person, naming the report or correction concerned
         */
        default void error(ErrorMessage error, String readable) {
        }
    }

    /**
     * How a client behaves. Start from {@link #defaults()} and change what you need with the {@code with}
     * methods.
     *
     * @param reportTimeout     a report not matched this long after it was sent (counting only the time the client
     *                          is connected) is not accepted; default 60 s
     * @param windows           per title: how far an accepted event's time may be from a report's to match it;
     *                          default 60 s for every title (a host's {@code VotingRules.windowFunction()} fits)
     * @param initialBackoff    the first pause before reconnecting; default 0.5 s
     * @param maxBackoff        the pause doubles up to this; default 10 s
     * @param heartbeatInterval a heartbeat is sent when nothing was sent this long; default 20 s
     * @param connectTimeout    how long opening a connection may take; default 10 s
     * @param clientName        the {@code client} of the hello, for the host's log
     * @param clock             the clock of report and correction times
     */
    public record Options(Duration reportTimeout, Function<String, Duration> windows, Duration initialBackoff,
            Duration maxBackoff, Duration heartbeatInterval, Duration connectTimeout, String clientName, Clock clock) {

        /** the client name sent when none is given */
        public static final String DEFAULT_CLIENT_NAME = "sideline-peer/0.1.0";

        /** @throws IllegalArgumentException if a duration is not positive, or maxBackoff is below initialBackoff */
        public Options {
            positive(reportTimeout, "reportTimeout");
            Objects.requireNonNull(windows, "windows");
            positive(initialBackoff, "initialBackoff");
            positive(maxBackoff, "maxBackoff");
            positive(heartbeatInterval, "heartbeatInterval");
            positive(connectTimeout, "connectTimeout");
            Objects.requireNonNull(clientName, "clientName");
            Objects.requireNonNull(clock, "clock");
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
            }
        }

        private static void positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }

        /** @return the defaults described above */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), title -> Duration.ofSeconds(60), Duration.ofMillis(500),
                    Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(10), DEFAULT_CLIENT_NAME,
                    Clock.systemUTC());
        }

        /** @return these options with another report timeout */
        public Options withReportTimeout(Duration value) {
            return new Options(value, windows, initialBackoff, maxBackoff, heartbeatInterval, connectTimeout, clientName,
                    clock);
        }

        /** @return these options with other matching windows per title */
        public Options withWindows(Function<String, Duration> value) {
            return new Options(reportTimeout, value, initialBackoff, maxBackoff, heartbeatInterval, connectTimeout,
                    clientName, clock);
        }

        /** @return these options with another reconnection backoff */
        public Options withBackoff(Duration initial, Duration max) {
            return new Options(reportTimeout, windows, initial, max, heartbeatInterval, connectTimeout, clientName,
                    clock);
        }

        /** @return these options with another heartbeat interval */
        public Options withHeartbeatInterval(Duration value) {
            return new Options(reportTimeout, windows, initialBackoff, maxBackoff, value, connectTimeout, clientName,
                    clock);
        }

        /** @return these options with another connect timeout */
        public Options withConnectTimeout(Duration value) {
            return new Options(reportTimeout, windows, initialBackoff, maxBackoff, heartbeatInterval, value, clientName,
                    clock);
        }

        /** @return these options with another client name */
        public Options withClientName(String value) {
            return new Options(reportTimeout, windows, initialBackoff, maxBackoff, heartbeatInterval, connectTimeout,
                    value, clock);
        }

        /** @return these options with another clock */
        public Options withClock(Clock value) {
            return new Options(reportTimeout, windows, initialBackoff, maxBackoff, heartbeatInterval, connectTimeout,
                    clientName, value);
        }
    }

    /**
     * The code of the error the client reports itself to its {@link Listener} when the host's setup says it holds
     * fewer accepted messages than the client.
     */
    public static final String HOST_BEHIND = "host_behind";

    /**
     * The code of the error the client reports itself to its {@link Listener} when a report cannot be written to its
     * {@link ReportOutbox}; the error's ref is the report's.
     *
     * @since 1.2
     */
    public static final String OUTBOX_UNWRITABLE = "outbox_unwritable";

    private static final System.Logger LOG = System.getLogger(MatchClient.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final String token;
    private final Options options;
    private final Listener listener;
    private final Timeline timeline;
    private final ScheduledExecutorService thread;
    private final HttpClient http;
    private final AtomicLong refs = new AtomicLong();
    private final List<PendingReport> reports = new CopyOnWriteArrayList<>();
    /** where reports wait across restarts, or {@code null} to keep them in memory only */
    private final @Nullable ReportOutbox reportOutbox;
    /** events this client asked to retract: retractLast skips them */
    private final Set<String> retractionsAsked = ConcurrentHashMap.newKeySet();

    private volatile URI hostUrl;
    private volatile State state = State.CONNECTING;
    private volatile String stateReason = "connecting";
    private volatile @Nullable Setup setup;
    private volatile boolean closing;
    private volatile @Nullable Thread clientThread;

    // the client thread's own state
    private int generation;
    private @Nullable Connection connection;
    private Duration backoff;
    private boolean reconnectAtOnce;
    private @Nullable ScheduledFuture<?> reconnectTask;
    private @Nullable String refusal;
    private long announcedSeq;
    private final ArrayDeque<Message> outbox = new ArrayDeque<>();
    /** event ids that account for one of this client's reports */
    private final Set<String> claimed = new HashSet<>();
    /** the timeouts of the sent reports, which run while the client is connected */
    private final Map<PendingReport, ScheduledFuture<?>> timeouts = new HashMap<>();
    /** reports sent on a connection that broke, or by an earlier client of the outbox: the host may have them */
    private final Set<PendingReport> inDoubt = new HashSet<>();

    private MatchClient(URI hostUrl, String token, Timeline timeline, Options options, @Nullable ReportOutbox outbox,
            Listener listener) {
        this.hostUrl = webSocketUrl(hostUrl);
        this.token = Objects.requireNonNull(token, "token");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = options.initialBackoff();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sideline-peer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            clientThread = t;
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
        this.reportOutbox = outbox;
        if (outbox != null) {
            long highest = 0;
            for (ReportOutbox.Entry e : outbox.entries()) {
                PendingReport r = new PendingReport(e.ref(), e.event(), e.madeAt());
                r.sent(e.sent());
                if (e.sent()) {
                    inDoubt.add(r);
                }
                reports.add(r);
                if (e.ref().matches("r-\\d{1,18}")) {
                    highest = Math.max(highest, Long.parseLong(e.ref().substring(2)));
                }
            }
            refs.set(highest); // new refs follow the ones taken over
        }
    }

    /**
     * Connects with the default {@link Options} and a new, empty timeline.
     *
     * @param hostUrl  the host's WebSocket URL
     * @param token    the join token from the lookup server
     * @param listener told about states, the setup, messages, reports and errors, on the client's thread
     * @return the client; {@link #close()} it when done
     * @see #connect(URI, String, Timeline, Options, Listener)
     */
    public static MatchClient connect(URI hostUrl, String token, Listener listener) {
        return connect(hostUrl, token, new Timeline(), Options.defaults(), listener);
    }

    /**
     * Connects with a new, empty timeline.
     *
     * @param hostUrl  the host's WebSocket URL
     * @param token    the join token from the lookup server
     * @param options  timeouts, windows, backoff
     * @param listener told about states, the setup, messages, reports and errors, on the client's thread
     * @return the client; {@link #close()} it when done
     * @see #connect(URI, String, Timeline, Options, Listener)
     */
    public static MatchClient connect(URI hostUrl, String token, Options options, Listener listener) {
        return connect(hostUrl, token, new Timeline(), options, listener);
    }

    /**
     * Starts a client. It returns at once: the connection is opened on the client's thread, and the listener
     * hears {@link State#CONNECTING}, then {@link State#CONNECTED} when the setup arrives.
     *
     * @param hostUrl  the host's WebSocket URL, for example {@code ws://192.0.2.10:7070/match}
     * @param token    the join token from the lookup server; every report and correction carries it
     * @param timeline where accepted messages go; one that already holds seq 1..n (a match saved earlier) makes
     *                 the host send only what follows. The client applies messages to it on its own thread; do not
     *                 apply messages to it elsewhere while the client runs
     * @param options  timeouts, windows, backoff
     * @param listener told about states, the setup, messages, reports and errors, on the client's thread
     * @return the client; {@link #close()} it when done
     * @throws IllegalArgumentException if {@code hostUrl} is not a {@code ws:} or {@code wss:} URL
     */
    public static MatchClient connect(URI hostUrl, String token, Timeline timeline, Options options, Listener listener) {
        MatchClient c = new MatchClient(hostUrl, token, timeline, options, null, listener);
        c.start();
        return c;
    }

    /**
     * Starts a client whose reports wait in a file until the host accepted or refused them (see
     * {@link ReportOutbox}). The reports the outbox already holds, from an earlier client of the same match and
     * user, are this client's from the start, {@link PendingReport.State#PENDING} with their refs and original
     * times: those never sent are sent once connected; those sent are matched against what the host accepted
     * (which a new timeline receives whole) and are not sent again.
     *
     * @param outbox   where reports wait; one client at a time
     * @see #connect(URI, String, Timeline, Options, Listener)
     * @since 1.2
     */
    public static MatchClient connect(URI hostUrl, String token, Timeline timeline, Options options,
            ReportOutbox outbox, Listener listener) {
        MatchClient c = new MatchClient(hostUrl, token, timeline, options, Objects.requireNonNull(outbox, "outbox"),
                listener);
        c.start();
        return c;
    }

    private void start() {
        long tick = Math.max(10, Math.min(1000, options.heartbeatInterval().toMillis() / 2));
        thread.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
        onThread(() -> {
            tell(() -> listener.stateChanged(State.CONNECTING, stateReason));
            for (PendingReport r : reports) { // taken over from the outbox
                tell(() -> listener.reportChanged(r));
            }
            open();
        });
    }

    // ------------------------------------------------------------------------------------------- API

    /** @return the timeline this client fills */
    public Timeline timeline() {
        return timeline;
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /** @return the reason given with the current state, in words */
    public String stateReason() {
        return stateReason;
    }

    /** @return the latest setup the host sent, or empty before the first one */
    public Optional<Setup> setup() {
        return Optional.ofNullable(setup);
    }

    /** @return the join token this client identifies with */
    public String token() {
        return token;
    }

    /** @return the address the client connects to */
    public URI hostUrl() {
        return hostUrl;
    }

    /**
     * Points the client at another address, for example after the lookup server said the host moved. A
     * connection that is up stays up; the next attempt uses the new address, and a client that is waiting to
     * reconnect tries again at once.
     *
     * @throws IllegalArgumentException if {@code url} is not a {@code ws:} or {@code wss:} URL
     */
    public void setHostUrl(URI url) {
        hostUrl = webSocketUrl(url);
        onThread(() -> {
            if (state == State.RECONNECTING && connection == null && reconnectTask != null) {
                reconnectTask.cancel(false);
                reconnectTask = null;
                backoff = options.initialBackoff();
                open();
            }
        });
    }

    private static URI webSocketUrl(URI url) {
        Objects.requireNonNull(url, "url");
        if (!"ws".equalsIgnoreCase(url.getScheme()) && !"wss".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("a host's address is a WebSocket URL (ws://HOST:PORT/match), not " + url);
        }
        return url;
    }

    /**
     * Reports an event to the host. The report's {@code ref} is the returned report's {@link PendingReport#localId()}.
     * While the client is not connected the report waits and is sent once it is. With a {@link ReportOutbox} it is
     * in the outbox's file when this returns (if the file cannot be written, the listener hears why and the report
     * is kept in memory only).
     *
     * @param event what happened: a title and an origin of the setup, and when it happened
     * @return the report, {@link PendingReport.State#PENDING} until it is matched, refused or times out
     * @throws IllegalStateException if the client is closed
     */
    public PendingReport report(TimelineEvent event) {
        Objects.requireNonNull(event, "event");
        requireOpen();
        // whole milliseconds, as the outbox keeps it: a report taken over after a restart has the same time
        PendingReport r = new PendingReport("r-" + refs.incrementAndGet(), event,
                options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String notKept = null;
        ReportOutbox kept = reportOutbox;
        if (kept != null) {
            try {
                kept.add(new ReportOutbox.Entry(r.localId(), event, r.sentAt(), false));
            } catch (IOException | RuntimeException e) {
                notKept = "The report of " + event.title() + " (" + event.origin() + ") could not be kept in "
                        + kept.file() + " (" + describe(e) + "): it is sent when the host can be reached, but "
                        + "is lost if Sideline closes first";
            }
        }
        reports.add(r);
        String problem = notKept;
        boolean taken = onThread(() -> {
            if (problem != null) {
                tell(() -> listener.error(new ErrorMessage(OUTBOX_UNWRITABLE, problem, null, r.localId()), problem));
            }
            sendWaiting();
            tell(() -> listener.reportChanged(r));
        });
        if (!taken) {
            r.resolve(PendingReport.State.NOT_ACCEPTED, null, "the client stopped before it was sent",
                    options.clock().instant());
        }
        return r;
    }

    /** @return the reports still {@link PendingReport.State#PENDING}, oldest first */
    public List<PendingReport> pending() {
        return reports.stream().filter(PendingReport::isPending).toList();
    }

    /**
     * @return the reports that wait for the host: pending and not sent yet, oldest first
     * @since 1.2
     */
    public List<PendingReport> waiting() {
        return reports.stream().filter(PendingReport::isWaiting).toList();
    }

    /**
     * @return the outbox reports wait in, if the client was connected with one
     * @since 1.2
     */
    public Optional<ReportOutbox> outbox() {
        return Optional.ofNullable(reportOutbox);
    }

    /** @return every report this client made, whatever became of it, oldest first */
    public List<PendingReport> reports() {
        return List.copyOf(reports);
    }

    /**
     * Asks the host to retract the event that accepted this client's most recent accepted report (Ctrl+Z). Events
     * this client already asked to retract, and events already retracted, are skipped, so calling it again undoes
     * the report before.
     *
     * @param reason why, for the feed; may be {@code null}
     * @return the id of the event whose retraction was asked for, or empty if there is none
     * @throws IllegalStateException if the client is closed
     */
    public synchronized Optional<String> retractLast(@Nullable String reason) {
        requireOpen();
        for (int i = reports.size() - 1; i >= 0; i--) {
            PendingReport r = reports.get(i);
            if (r.state() != PendingReport.State.ACCEPTED) {
                continue;
            }
            String id = r.eventId().orElseThrow();
            boolean gone = timeline.latest(id).map(a -> a.status() == Accepted.Status.RETRACTED).orElse(false);
            if (gone || retractionsAsked.contains(id)) {
                continue;
            }
            retract(id, reason);
            return Optional.of(id);
        }
        return Optional.empty();
    }

    /**
     * Asks the host to retract an accepted event. The host votes on it like on a report; if the vote passes, a
     * new version with status {@code retracted} arrives.
     *
     * @param eventId the accepted event's id
     * @param reason  why, for the feed; may be {@code null}
     * @return the correction's {@code ref}, which the host echoes if it refuses it
     * @throws IllegalStateException if the client is closed
     */
    public String retract(String eventId, @Nullable String reason) {
        Objects.requireNonNull(eventId, "eventId");
        requireOpen();
        retractionsAsked.add(eventId);
        String ref = "c-" + refs.incrementAndGet();
        Correction c = new Correction(options.clock().instant(), token, eventId, Correction.Action.RETRACT, null, reason,
                ref);
        onThread(() -> send(c));
        return ref;
    }

    /**
     * Asks the host to amend an accepted event. If the vote passes, a new version with status {@code amended}
     * arrives.
     *
     * @param eventId the accepted event's id
     * @param amended the event as it should be
     * @param reason  why, for the feed; may be {@code null}
     * @return the correction's {@code ref}, which the host echoes if it refuses it
     * @throws IllegalStateException if the client is closed
     */
    public String amend(String eventId, TimelineEvent amended, @Nullable String reason) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(amended, "amended");
        requireOpen();
        String ref = "c-" + refs.incrementAndGet();
        Correction c = new Correction(options.clock().instant(), token, eventId, Correction.Action.AMEND, amended,
                reason, ref);
        onThread(() -> send(c));
        return ref;
    }

    /**
     * Asks the host to change one team's line-up. Only the match's owner may: the host refuses anyone else with a
     * {@code forbidden} error. When it takes the change it sends every peer a new setup with the line-ups, which
     * {@link Listener#setupReceived(Setup)} hands on and {@link #setup()} then holds.
     *
     * @param origin  the team
     * @param players its players, in order; none removes its line-up
     * @return the message's {@code ref}, which the host echoes if it refuses it
     * @throws IllegalStateException if the client is closed
     */
    public String changeLineup(String origin, List<Player> players) {
        Objects.requireNonNull(origin, "origin");
        requireOpen();
        String ref = "l-" + refs.incrementAndGet();
        Lineup change = Lineup.of(origin, List.copyOf(players), ref);
        onThread(() -> send(change));
        return ref;
    }

    /**
     * Closes the connection and stops the client for good: the state becomes {@link State#CLOSED}, and reports
     * still pending become {@link PendingReport.State#NOT_ACCEPTED} (with a {@link ReportOutbox} they stay in it,
     * for the next client of the match). Waits up to a few seconds for that to be
     * done (not when called on the client's own thread, from a listener). Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        onThread(() -> stop("closed"));
        if (Thread.currentThread() != clientThread) {
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void requireOpen() {
        if (closing) {
            throw new IllegalStateException("the match client is closed");
        }
    }

    // ------------------------------------------------------------------------------ the client's thread

    /** @return whether the task was taken (not after the client stopped) */
    private boolean onThread(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "match client failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false; // stopped: nothing more happens
        }
    }

    private void tell(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a match client listener failed", e);
        }
    }

    private void setState(State s, String reason) {
        state = s;
        stateReason = reason;
        tell(() -> listener.stateChanged(s, reason));
    }

    /** Opens a connection to the current URL. */
    private void open() {
        if (closing) {
            return;
        }
        int gen = ++generation;
        reconnectTask = null;
        URI url = hostUrl;
        Connection c = new Connection(gen);
        CompletableFuture<WebSocket> opening;
        try {
            opening = http.newWebSocketBuilder().connectTimeout(options.connectTimeout()).buildAsync(url, c);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((ws, failure) -> {
            if (failure != null) {
                onThread(() -> lost(gen, "cannot connect to " + url + ": " + describe(failure)));
            }
        });
    }

    private void opened(Connection c) {
        if (c.generation != generation || closing) {
            c.socket().abort();
            return;
        }
        connection = c;
        long held = timeline.contiguousSeq();
        c.send(codec.encode(new Hello(token, held, options.clientName())));
    }

    private void received(Connection c, String text) {
        if (c.generation != generation || closing) {
            return;
        }
        Message m;
        try {
            m = codec.decode(text);
        } catch (ProtocolException e) {
            ErrorMessage unreadable = new ErrorMessage("unreadable", e.getMessage(), e.field(), null);
            tell(() -> listener.error(unreadable, "The host sent a message this client cannot read: " + e.getMessage()));
            return;
        }
        switch (m) {
            case Setup s -> {
                boolean again = setup != null && state == State.CONNECTED; // the host sends it again with new line-ups
                setup = s;
                backoff = options.initialBackoff();
                announcedSeq = 0;
                if (!again) {
                    setState(State.CONNECTED, "connected to " + hostUrl + (s.name() == null ? "" : " (" + s.name() + ")"));
                }
                tell(() -> listener.setupReceived(s));
                long held = timeline.contiguousSeq();
                Long lastSeq = s.lastSeq();
                if (lastSeq != null && lastSeq < held) {
                    String why = "The host holds " + lastSeq + " accepted messages and this client " + held
                            + ": it may be another match, or a host that lost its journal; what it sends under seqs"
                            + " this client holds is ignored";
                    tell(() -> listener.error(new ErrorMessage(HOST_BEHIND, why, "lastSeq", null), why));
                }
                for (PendingReport r : reports) {
                    if (r.isPending() && r.sent()) {
                        startTimeout(r); // sent before: its time runs again, while the catch-up may account for it
                    }
                }
                sendWaiting();
                while (!outbox.isEmpty() && connection == c) {
                    c.send(codec.encode(outbox.poll()));
                }
            }
            case Accepted a -> accepted(c, a);
            case Heartbeat h -> {
                long held = timeline.contiguousSeq();
                if (announcedSeq > held) {
                    resync("the host announced seq " + announcedSeq + " a heartbeat ago, and this client holds only "
                            + held);
                    return;
                }
                Long seq = h.seq();
                announcedSeq = seq == null ? 0 : seq;
            }
            case ErrorMessage e -> hostError(e);
            default -> {
                // a host sends nothing else; a newer one may, and is ignored
            }
        }
    }

    private void accepted(Connection c, Accepted a) {
        boolean gap = a.seq() > timeline.contiguousSeq() + 1;
        Timeline.Change change = timeline.store(a);
        if (change.kind() != Timeline.Kind.DUPLICATE) {
            tell(() -> timeline.tell(change));
            tell(() -> listener.accepted(change));
            if (change.kind() == Timeline.Kind.NEW || change.kind() == Timeline.Kind.CONFIRMATION) {
                match(a);
            }
        }
        if (gap && connection == c) {
            resync("the host sent seq " + a.seq() + " while this client holds only " + timeline.contiguousSeq());
        }
    }

    /** The oldest pending report this message accounts for, if its event accounts for none yet. */
    private void match(Accepted a) {
        if (claimed.contains(a.id())) {
            return;
        }
        for (PendingReport r : reports) {
            if (r.isPending() && matches(r, a)) {
                claimed.add(a.id());
                resolve(r, PendingReport.State.ACCEPTED, a.id(), "accepted as " + a.id() + " (seq " + a.seq() + ")");
                return;
            }
        }
    }

    private boolean matches(PendingReport r, Accepted a) {
        TimelineEvent mine = r.event();
        TimelineEvent theirs = a.event();
        if (!mine.title().equals(theirs.title()) || !mine.origin().equals(theirs.origin())) {
            return false;
        }
        Duration window = options.windows().apply(mine.title());
        return Duration.between(mine.time(), theirs.time()).abs().compareTo(window) <= 0;
    }

    private void expire(PendingReport r) {
        timeouts.remove(r);
        if (!r.isPending() || !r.sent()) {
            return;
        }
        // the host counts a late report as a confirmation of an accepted event, but announces only doublings
        for (Accepted a : timeline.latest()) {
            if (a.status() != Accepted.Status.RETRACTED && !claimed.contains(a.id()) && matches(r, a)) {
                claimed.add(a.id());
                resolve(r, PendingReport.State.ACCEPTED, a.id(), "counted for " + a.id()
                        + ", which was accepted before this report");
                return;
            }
        }
        String within = options.reportTimeout().toMillis() / 1000.0 + " s";
        resolve(r, PendingReport.State.NOT_ACCEPTED, null, inDoubt.contains(r)
                ? "it was sent just before the connection to the host was lost, and no event the host accepted matched"
                        + " it within " + within + " of connecting again: the host may not have received it; report it"
                        + " again if it happened"
                : "no accepted event matched it within " + within);
    }

    private void resolve(PendingReport r, PendingReport.State outcome, @Nullable String eventId, String why) {
        if (!r.isPending()) {
            return;
        }
        ScheduledFuture<?> timeout = timeouts.remove(r);
        if (timeout != null) {
            timeout.cancel(false);
        }
        inDoubt.remove(r);
        ReportOutbox kept = reportOutbox;
        if (kept != null) {
            try {
                kept.remove(r.localId()); // accepted or refused: it waits no more, before anyone hears so
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove " + r.localId() + " from " + kept.file()
                        + "; a later client matches it again", e);
            }
        }
        if (r.resolve(outcome, eventId, why, options.clock().instant())) {
            tell(() -> listener.reportChanged(r));
        }
    }

    /** (Re)starts a sent report's timeout. */
    private void startTimeout(PendingReport r) {
        ScheduledFuture<?> old = timeouts.put(r, thread.schedule(() -> expire(r), options.reportTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
        if (old != null) {
            old.cancel(false);
        }
    }

    /**
     * Sends the reports that wait, oldest first, when connected: noted as sent in the outbox first, so that no later
     * client sends one a second time.
     */
    private void sendWaiting() {
        Connection c = connection;
        if (c == null || state != State.CONNECTED) {
            return;
        }
        List<PendingReport> waiting = new ArrayList<>();
        for (PendingReport r : reports) {
            if (r.isWaiting()) {
                waiting.add(r);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        ReportOutbox kept = reportOutbox;
        if (kept != null) {
            try {
                kept.markSent(waiting.stream().map(PendingReport::localId).toList());
            } catch (IOException | RuntimeException e) {
                // sent all the same: reaching the host matters more; a later client may then send one again
                LOG.log(System.Logger.Level.WARNING, "cannot note in " + kept.file() + " that reports were sent",
                        e);
            }
        }
        for (PendingReport r : waiting) {
            r.sent(true);
            c.send(codec.encode(new EventReport(options.clock().instant(), token, r.event(), r.localId())))
                    .whenComplete((x, failure) -> {
                        if (failure != null) {
                            onThread(() -> unsent(r));
                        }
                    });
            startTimeout(r);
        }
    }

    /** A report's frame could not be written: the host did not get it, and it waits again. */
    private void unsent(PendingReport r) {
        if (!r.isPending() || !r.sent()) {
            return;
        }
        r.sent(false);
        inDoubt.remove(r);
        ScheduledFuture<?> timeout = timeouts.remove(r);
        if (timeout != null) {
            timeout.cancel(false);
        }
        ReportOutbox kept = reportOutbox;
        if (kept != null) {
            try {
                kept.markUnsent(r.localId());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot note in " + kept.file() + " that "
                        + r.localId() + " waits again", e);
            }
        }
        tell(() -> listener.reportChanged(r));
        sendWaiting();
    }

    private void hostError(ErrorMessage e) {
        ProtocolError known = e.error();
        String ref = e.ref();
        PendingReport about = ref == null ? null
                : reports.stream().filter(r -> r.localId().equals(e.ref())).findFirst().orElse(null);
        String readable;
        if (known == ProtocolError.BAD_TOKEN || known == ProtocolError.TOKEN_EXPIRED
                || known == ProtocolError.NOT_IDENTIFIED) {
            readable = refusalOf(known, e.message());
            refusal = readable;
        } else if (about != null && known == ProtocolError.NOT_ACCEPTED) {
            readable = e.message(); // the vote's reason, in words: "Goal by Away was not accepted: ..."
            resolve(about, PendingReport.State.NOT_ACCEPTED, null, e.message());
        } else if (about != null) {
            readable = "The host refused the report of " + about.event().title() + " (" + about.event().origin() + "): "
                    + e.message();
            resolve(about, PendingReport.State.NOT_ACCEPTED, null, "refused by the host: " + e.message());
        } else if (ref != null && ref.startsWith("c-")) {
            readable = "The host refused a correction: " + e.message();
        } else if (ref != null && ref.startsWith("l-")) {
            readable = "The host refused the change of line-up: " + e.message();
        } else if (known == ProtocolError.RESYNC) {
            readable = "This client fell behind the host and reconnects to catch up: " + e.message();
            reconnectAtOnce = true;
        } else if (known == ProtocolError.RATE_LIMITED) {
            readable = "Too many reports at once; the host dropped some: " + e.message();
        } else {
            readable = "The host reports a problem (" + e.code() + "): " + e.message();
        }
        String text = readable;
        tell(() -> listener.error(e, text));
    }

    private static String refusalOf(ProtocolError error, String message) {
        return switch (error) {
            case TOKEN_EXPIRED -> "the join token has expired; join the match again to get a new one (" + message + ")";
            case NOT_IDENTIFIED -> "the host did not accept this client's identification: " + message;
            default -> "the host refused the join token: " + message;
        };
    }

    /** The connection broke (or never opened): reconnect after a pause, or stop if the token was refused. */
    private void lost(int gen, String why) {
        if (gen != generation || closing) {
            return;
        }
        generation++; // later callbacks of this connection are ignored
        if (connection != null) {
            connection.socket().abort();
            connection = null;
        }
        // the time of sent reports stops while the host is unreachable; they may have reached it
        timeouts.values().forEach(t -> t.cancel(false));
        timeouts.clear();
        for (PendingReport r : reports) {
            if (r.isPending() && r.sent()) {
                inDoubt.add(r);
            }
        }
        String refused = refusal;
        if (refused != null) {
            closing = true;
            stop(refused);
            return;
        }
        Duration pause = reconnectAtOnce ? Duration.ZERO : backoff;
        reconnectAtOnce = false;
        if (!pause.isZero()) {
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
        }
        reconnectTask = thread.schedule(this::open, pause.toMillis(), TimeUnit.MILLISECONDS);
        setState(State.RECONNECTING, why + "; trying again in " + pause.toMillis() / 1000.0 + " s");
    }

    private void resync(String why) {
        reconnectAtOnce = true;
        lost(generation, why);
    }

    /** Stops for good. */
    private void stop(String reason) {
        generation++;
        if (reconnectTask != null) {
            reconnectTask.cancel(false);
        }
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
            c.socket().abort();
        }
        ReportOutbox kept = reportOutbox;
        for (PendingReport r : reports) {
            if (kept == null) {
                resolve(r, PendingReport.State.NOT_ACCEPTED, null, "the client stopped before the host accepted it");
            } else if (r.resolve(PendingReport.State.NOT_ACCEPTED, null, "the client stopped before the host accepted"
                    + " it; it is kept in " + kept.file() + " for when this match is joined again",
                    options.clock().instant())) {
                tell(() -> listener.reportChanged(r)); // and it stays in the outbox
            }
        }
        outbox.clear();
        setState(State.CLOSED, reason);
        http.shutdownNow();
        thread.shutdownNow(); // drops the timeouts and the heartbeat tick
    }

    /** Sends now when connected, else when connected again (heartbeats are not kept). */
    private void send(Message m) {
        Connection c = connection;
        if (c != null && state == State.CONNECTED) {
            c.send(codec.encode(m));
        } else if (!(m instanceof Heartbeat)) {
            outbox.add(m);
        }
    }

    private void tick() {
        try {
            heartbeatIfQuiet();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "match client heartbeat failed", e); // and the tick goes on
        }
    }

    private void heartbeatIfQuiet() {
        Connection c = connection;
        if (c != null && state == State.CONNECTED
                && System.nanoTime() - c.lastSent >= options.heartbeatInterval().toNanos()) {
            c.send(codec.encode(new Heartbeat(options.clock().instant(), timeline.contiguousSeq())));
        }
    }

    private static String describe(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** One WebSocket connection; its callbacks hop to the client's thread. */
    private final class Connection implements WebSocket.Listener {

        final int generation;
        /** set when the socket opens, before the connection is used */
        volatile @Nullable WebSocket ws;
        /** when something was last handed to the socket (client thread) */
        long lastSent = System.nanoTime();
        /** sends one at a time: the JDK allows one outstanding send (client thread) */
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private final StringBuilder partial = new StringBuilder();

        Connection(int generation) {
            this.generation = generation;
        }

        WebSocket socket() {
            return Objects.requireNonNull(ws, "not open");
        }

        /** @return completes when the frame was written, or could not be */
        CompletableFuture<?> send(String text) {
            lastSent = System.nanoTime();
            WebSocket socket = socket();
            CompletableFuture<?> sent = sending.handle((r, e) -> null).thenCompose(x -> socket.sendText(text, true));
            sending = sent.whenComplete((r, failure) -> {
                if (failure != null) {
                    onThread(() -> lost(generation, "sending failed: " + describe(failure)));
                }
            });
            return sent;
        }

        // the JDK's listener is not null-annotated: its parameters are @Nullable here, and it may return null
        @Override
        public void onOpen(@Nullable WebSocket webSocket) {
            WebSocket socket = Objects.requireNonNull(webSocket, "webSocket");
            ws = socket;
            onThread(() -> opened(this));
            socket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(@Nullable WebSocket webSocket, @Nullable CharSequence data,
                boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onThread(() -> received(this, text));
            }
            Objects.requireNonNull(webSocket, "webSocket").request(1);
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onClose(@Nullable WebSocket webSocket, int statusCode,
                @Nullable String reason) {
            onThread(() -> {
                ProtocolError closedWith = reason == null ? null : ProtocolError.fromCode(reason);
                if (refusal == null
                        && (closedWith == ProtocolError.BAD_TOKEN || closedWith == ProtocolError.TOKEN_EXPIRED)
                        && this.generation == MatchClient.this.generation) {
                    refusal = refusalOf(closedWith, "the host closed the connection (" + reason + ")");
                }
                lost(generation, "the host closed the connection (" + statusCode
                        + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")");
            });
            return null;
        }

        @Override
        public void onError(@Nullable WebSocket webSocket, @Nullable Throwable error) {
            Throwable failure = Objects.requireNonNull(error, "error");
            onThread(() -> lost(generation, "the connection broke: " + describe(failure)));
        }
    }
}
