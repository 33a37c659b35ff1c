package io.sideline.lookup.server.internal.store;

import java.time.Instant;
import java.util.Optional;

import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Page;

/**
 * What the lookup server keeps. Every method is one transaction: it happens entirely or not at all, and
 * once it returns, a restart does not lose it. Tokens are stored only as their SHA-256 hashes.
 */
public interface LookupStore extends AutoCloseable {

    /** A registered user. */
    record User(String name, String passwordHash) {
    }

    /** A session or a join token, by the hash of its token. */
    record Grant(String user, String matchId, Instant expiresAt) {
    }

    /** @return whether the user was created; {@code false} if the name (in any letter case) is taken */
    boolean createUser(String name, String passwordHash, Instant now);

    /** @return the user of that name, in any letter case */
    Optional<User> findUser(String name);

    /** replaces a user's password hash (to raise its iteration count) */
    void updatePasswordHash(String name, String passwordHash);

    /** stores a session */
    void createSession(String tokenHash, String user, Instant now, Instant expiresAt);

    /** @return the session with that token hash, expired or not */
    Optional<Grant> findSession(String tokenHash);

    /** @return whether a session was deleted */
    boolean deleteSession(String tokenHash);

    /** stores a match with the given id; its host's heartbeat counts from {@code now} */
    default Match createMatch(String id, MatchDraft draft, String owner, Instant now, MatchStates states) {
        return createMatch(id, draft, owner, now, states, now, has -> { });
    }

    /**
     * What an owner already has, for the match quotas.
     *
     * @param open               matches not finished that are scheduled or live (their host not lost)
     * @param createdSince       matches created since the instant asked about
     * @param oldestCreatedSince the oldest of those, or {@code null} when there is none
     */
    record OwnerMatches(int open, int createdSince, Instant oldestCreatedSince) {
    }

    /** Decides whether an owner with these matches may register one more; refuses by throwing. */
    @FunctionalInterface
    interface Admission<E extends Exception> {
        void check(OwnerMatches has) throws E;
    }

    /**
     * Stores a match with the given id if {@code admit} lets its owner have one more, in one transaction that holds
     * the owner's row locked: two matches registered at once by one owner are counted one after the other.
     *
     * @param createdSince the start of the window {@link OwnerMatches#createdSince()} counts
     * @throws E what {@code admit} threw; nothing was stored then
     */
    <E extends Exception> Match createMatch(String id, MatchDraft draft, String owner, Instant now, MatchStates states,
            Instant createdSince, Admission<E> admit) throws E;

    /** @return the match, its state as of {@code states} */
    Optional<Match> findMatch(String id, MatchStates states);

    /** @return the matches the query selects, their states as of {@code states} */
    Page<Match> searchMatches(MatchQuery query, MatchStates states);

    /**
     * @param hostUrl the host's new address, or {@code null} to keep the one stored
     * @return whether the match exists; records that its host is alive at {@code now}
     */
    boolean heartbeat(String matchId, Instant now, String hostUrl);

    /** @return whether the match exists; marks it finished at {@code now} unless it already was */
    boolean finish(String matchId, Instant now);

    /** stores a join token */
    void createJoinToken(String tokenHash, String user, String matchId, Instant now, Instant expiresAt);

    /** @return the join token with that hash, expired or not */
    Optional<Grant> findJoinToken(String tokenHash);

    /** @return how many expired sessions and join tokens were deleted */
    int purgeExpired(Instant now);

    /**
     * @param name  the secret's name
     * @param fresh a new value, stored if the database has none yet
     * @return the secret every server on this database uses: the stored one, or {@code fresh} once stored
     */
    String secret(String name, String fresh);

    /**
     * Keeps the storage in shape; the server calls it every few minutes. The embedded database compacts its
     * file here once it has grown large (it only appends while it runs, see {@code JdbcLookupStore.h2Url}).
     */
    default void maintain() {
    }

    @Override
    void close();
}
