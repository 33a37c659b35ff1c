package io.sideline.peer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.sideline.protocol.TimelineEvent;

import org.jspecify.annotations.Nullable;

/**
 * A report this peer sent, and what became of it: {@link State#PENDING} until an accepted message of the host
 * matches it ({@link State#ACCEPTED}, with the accepted event's id), or until its timeout passes or the host
 * refuses it ({@link State#NOT_ACCEPTED}).
 * <p>
 * Thread-safe to read from any thread. Only its {@link MatchClient} changes it, on the client's thread, and
 * then tells the client's listener; {@link #outcome()} completes on that thread too.
 */
public final class PendingReport {

    /** What became of a report. */
    public enum State {
        /**
         * sent, or waiting to be sent while the host is unreachable ({@link PendingReport#isWaiting()}); no
         * accepted message matched it yet
         */
        PENDING,
        /** an accepted message of the host matched it: {@link PendingReport#eventId()} says which event */
        ACCEPTED,
        /** nothing matched it before its timeout, the host refused it, or the client was closed */
        NOT_ACCEPTED
    }

    private final String localId;
    private final TimelineEvent event;
    private final Instant sentAt;
    private final CompletableFuture<PendingReport> outcome = new CompletableFuture<>();
    private volatile State state = State.PENDING;
    private volatile @Nullable String eventId;
    private volatile @Nullable String detail;
    private volatile @Nullable Instant resolvedAt;
    private volatile boolean sent;

    PendingReport(String localId, TimelineEvent event, Instant sentAt) {
        this.localId = Objects.requireNonNull(localId, "localId");
        this.event = Objects.requireNonNull(event, "event");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
    }

    /** @return this client's id of the report, also sent as the report's {@code ref} (the host echoes it in errors) */
    public String localId() {
        return localId;
    }

    /** @return the event as reported */
    public TimelineEvent event() {
        return event;
    }

    /**
     * @return when {@link MatchClient#report(TimelineEvent)} was called (for a report a client took over from its
     *         {@link ReportOutbox}, when it was made in the earlier run)
     */
    public Instant sentAt() {
        return sentAt;
    }

    /** @return what became of it so far */
    public State state() {
        return state;
    }

    /** @return the id of the accepted event that matched it, once {@link State#ACCEPTED} */
    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    /**
     * @return why it is {@link State#NOT_ACCEPTED} (for example the host's error message), or how it was
     *         matched; empty while pending
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** @return when it stopped being pending */
    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    /** @return a future that completes with this report once it is no longer {@link State#PENDING} */
    public CompletableFuture<PendingReport> outcome() {
        return outcome.copy();
    }

    /** @return whether it is still pending */
    public boolean isPending() {
        return state == State.PENDING;
    }

    /**
     * @return whether it is pending and was not sent yet: the host has not been reachable since it was made. Such a
     *         report does not time out; it is sent, with its original time, when the client is connected again
     */
    public boolean isWaiting() {
        return state == State.PENDING && !sent;
    }

    /** @return whether it was handed to a host (which may then have counted it) */
    boolean sent() {
        return sent;
    }

    /** the client's thread only */
    void sent(boolean value) {
        sent = value;
    }

    /** Resolves it once; the client's thread only. @return whether it was still pending */
    boolean resolve(State newState, @Nullable String acceptedId, String why, Instant at) {
        if (state != State.PENDING) {
            return false;
        }
        eventId = acceptedId;
        detail = why;
        resolvedAt = at;
        state = newState;
        outcome.complete(this);
        return true;
    }

    @Override
    public String toString() {
        return "PendingReport[" + localId + " " + event.title() + " " + event.origin() + " " + state
                + (isWaiting() ? " waiting" : "")
                + (eventId == null ? "" : " " + eventId) + (detail == null ? "" : " (" + detail + ")") + "]";
    }
}
