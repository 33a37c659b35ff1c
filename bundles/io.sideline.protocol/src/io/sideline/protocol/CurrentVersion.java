package io.sideline.protocol;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for which version of an event is current, given the {@link Accepted} messages of its id that
 * a client holds. The feed and the statistics both use it, so they always show the same event.
 * <p>
 * <b>The rule.</b> The current version of an event is the <em>first</em> message (lowest {@link Accepted#seq()
 * seq}) of its <em>highest</em> {@link Accepted#version() version}, carrying the highest {@link Accepted#votes()
 * votes} and the highest {@link Accepted#confidence() confidence} that any message of that version carried:
 * <ul>
 * <li>A higher version replaces everything before it, whatever it says: an {@link Accepted.Status#AMENDED
 * amended} version is the event now, a {@link Accepted.Status#RETRACTED retracted} one is its tombstone (a
 * client that counts events counts a tombstone as nothing).</li>
 * <li>A lower version, even one arriving late, changes nothing.</li>
 * <li>Several messages of the same version are the host accepting it once and then confirming it: the first
 * one says what the version is (its event, status, time, reason and seq); the later ones only add votes. If
 * they disagree about anything else (a merged or hand-edited journal may), the first still decides. Votes
 * and confidence never go down: the host only raises them, so the highest seen is the latest it sent.</li>
 * <li>A message with the seq of the one held is a duplicate and changes nothing.</li>
 * </ul>
 * {@link #merge(Accepted, Accepted)} is commutative and associative (for messages with distinct seqs), so the
 * current version depends only on the set of messages held, never on the order they arrived in; a client can
 * keep just the current version of each id and merge each new message into it.
 */
public final class CurrentVersion {

    private CurrentVersion() {
    }

    /**
     * @param current the current version of an event so far, as this method returned it, or {@code null} if
     *                no message of the event has been seen
     * @param message a message of the same event
     * @return the current version once the message is held too (see the class comment); {@code current} itself
     *         when the message changes nothing, {@code message} itself when it is the first or a higher version
     * @throws IllegalArgumentException if the two have different ids
     */
    public static Accepted merge(@Nullable Accepted current, Accepted message) {
        Objects.requireNonNull(message, "message");
        if (current == null) {
            return message;
        }
        if (!current.id().equals(message.id())) {
            throw new IllegalArgumentException(
                    "versions of different events: \"" + current.id() + "\" and \"" + message.id() + "\"");
        }
        if (message.version() != current.version()) {
            return message.version() > current.version() ? message : current;
        }
        if (message.seq() == current.seq()) {
            return current; // a duplicate
        }
        Accepted first = message.seq() < current.seq() ? message : current;
        int votes = Math.max(current.votes(), message.votes());
        double confidence = Math.max(current.confidence(), message.confidence());
        if (first.votes() == votes && first.confidence() == confidence) {
            return first;
        }
        return new Accepted(first.time(), first.id(), first.seq(), first.version(), first.status(), first.event(),
                votes, confidence, first.reason());
    }

    /**
     * @param messages messages of one event, in any order
     * @return their current version (see the class comment), or {@code null} if there are none
     * @throws IllegalArgumentException if they are not all of the same event
     */
    public static @Nullable Accepted of(Iterable<Accepted> messages) {
        Accepted current = null;
        for (Accepted message : Objects.requireNonNull(messages, "messages")) {
            current = merge(current, message);
        }
        return current;
    }
}
