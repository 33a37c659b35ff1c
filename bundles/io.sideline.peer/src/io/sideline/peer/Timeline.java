package io.sideline.peer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.CurrentVersion;

/**
 * The accepted messages of one match, as a peer holds them: every message by its {@code seq}, and for each
 * event id its current version. Thread-safe.
 * <p>
 * The host numbers every {@code accepted} message it broadcasts: a first acceptance, a confirmation (the same
 * id and version with more votes), and each corrected version (the same id, a higher version). This class
 * keeps them all ({@link #all()}, {@link #history(String)}) and derives the current state of each event
 * ({@link #latest()}) by the protocol's one rule, {@link CurrentVersion}: the first message of the event's
 * highest version, with the highest votes and confidence any message of that version carried. The
 * statistics use the same rule, so they count what the feed shows. The result does not depend on the order
 * in which messages are applied.
 * <p>
 * Listeners ({@link #addListener(Consumer)}) are called on the thread that applied the message, after the
 * timeline's lock is released, once for every message that was not a {@link Kind#DUPLICATE}. A
 * {@link MatchClient} applies messages on its own thread; a user interface must hop to its display thread.
 */
public final class Timeline {

    /** What an applied message was to this timeline. */
    public enum Kind {
        /** the first message of an event id this timeline had not seen */
        NEW,
        /** a higher version of a known event: amended or retracted */
        NEW_VERSION,
        /** the current version of a known event again, usually with more votes */
        CONFIRMATION,
        /** a seq this timeline already holds: ignored */
        DUPLICATE,
        /** a new seq, but of a version older than the current one of its event: kept in the history only */
        STALE
    }

    /**
     * A message applied to the timeline.
     *
     * @param kind    what it was
     * @param message the message as it arrived
     * @param current the current version of its event after it was applied (see {@link Timeline#latest(String)})
     */
    public record Change(Kind kind, Accepted message, Accepted current) {
    }

    private final Object lock = new Object();
    /** every message by seq (guarded by lock) */
    private final TreeMap<Long, Accepted> bySeq = new TreeMap<>();
    /** every message of an event, by seq (guarded by lock) */
    private final Map<String, TreeMap<Long, Accepted>> byId = new HashMap<>();
    /** the current version of every event (guarded by lock) */
    private final Map<String, Accepted> current = new HashMap<>();
    /** the highest n with every seq 1..n held (guarded by lock) */
    private long contiguous;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** An empty timeline. */
    public Timeline() {
    }

    /** @return a timeline holding these messages, in any order */
    public static Timeline of(Collection<Accepted> messages) {
        Timeline t = new Timeline();
        messages.forEach(t::apply);
        return t;
    }

    /**
     * Adds a message and tells the listeners (unless it is a duplicate).
     *
     * @param message an accepted message of this match
     * @return what it was to this timeline
     * @throws RuntimeException the first exception a listener threw, after the message was applied and every
     *                          listener was called
     */
    public Kind apply(Accepted message) {
        Change change = store(message);
        if (change.kind() != Kind.DUPLICATE) {
            tell(change);
        }
        return change.kind();
    }

    /** Adds a message without telling the listeners (a duplicate's {@code current} is what is held). */
    Change store(Accepted message) {
        Objects.requireNonNull(message, "message");
        synchronized (lock) {
            if (bySeq.containsKey(message.seq())) {
                return new Change(Kind.DUPLICATE, message, current.get(bySeq.get(message.seq()).id()));
            }
            bySeq.put(message.seq(), message);
            while (bySeq.containsKey(contiguous + 1)) {
                contiguous++;
            }
            TreeMap<Long, Accepted> versions = byId.computeIfAbsent(message.id(), id -> new TreeMap<>());
            Accepted before = current.get(message.id());
            versions.put(message.seq(), message);
            Accepted after = CurrentVersion.merge(before, message);
            current.put(message.id(), after);
            Kind kind;
            if (before == null) {
                kind = Kind.NEW;
            } else if (message.version() > before.version()) {
                kind = Kind.NEW_VERSION;
            } else if (message.version() == before.version()) {
                kind = Kind.CONFIRMATION;
            } else {
                kind = Kind.STALE;
            }
            return new Change(kind, message, after);
        }
    }

    /** Tells every listener; rethrows the first exception one threw, after all were called. */
    void tell(Change change) {
        RuntimeException failure = null;
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure; // the message is applied; every listener was called
        }
    }

    /**
     * @return the highest seq held, 0 for none; see {@link #contiguousSeq()} for what a peer can ask the host
     *         to continue from
     */
    public long lastSeq() {
        synchronized (lock) {
            return bySeq.isEmpty() ? 0 : bySeq.lastKey();
        }
    }

    /** @return the highest n such that every seq from 1 to n is held; equals {@link #lastSeq()} without gaps */
    public long contiguousSeq() {
        synchronized (lock) {
            return contiguous;
        }
    }

    /** @return how many messages (distinct seqs) are held */
    public int size() {
        synchronized (lock) {
            return bySeq.size();
        }
    }

    /** @return every message held, in seq order */
    public List<Accepted> all() {
        synchronized (lock) {
            return List.copyOf(bySeq.values());
        }
    }

    /** @return the seqs held, in order */
    public List<Long> seqs() {
        synchronized (lock) {
            return List.copyOf(bySeq.keySet());
        }
    }

    /**
     * @return the current version of every event, in the order the events were first accepted; a retracted
     *         event is included as its tombstone (status {@link Accepted.Status#RETRACTED})
     */
    public List<Accepted> latest() {
        synchronized (lock) {
            List<Accepted> out = new ArrayList<>(current.values());
            out.sort(Comparator.comparingLong(a -> byId.get(a.id()).firstKey()));
            return out;
        }
    }

    /**
     * @param id an event id
     * @return the current version of that event (see the class comment), or empty if the id is unknown
     */
    public Optional<Accepted> latest(String id) {
        synchronized (lock) {
            return Optional.ofNullable(current.get(id));
        }
    }

    /**
     * @param id an event id
     * @return every message of that event as it arrived (versions and confirmations), in seq order; empty if the
     *         id is unknown
     */
    public List<Accepted> history(String id) {
        synchronized (lock) {
            TreeMap<Long, Accepted> messages = byId.get(id);
            return messages == null ? List.of() : List.copyOf(messages.values());
        }
    }

    /**
     * Adds a listener. It is called for every message applied from now on that is not a
     * {@link Kind#DUPLICATE}, on the applying thread, outside the timeline's lock; it may read the timeline.
     *
     * @return an action that removes the listener again
     */
    public Runnable addListener(Consumer<Change> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Removes a listener added with {@link #addListener(Consumer)}. */
    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }
}
