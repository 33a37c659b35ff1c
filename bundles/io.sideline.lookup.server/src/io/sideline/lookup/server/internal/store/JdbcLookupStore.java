package io.sideline.lookup.server.internal.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.Page;
import io.sideline.lookup.QuorumPolicy;

/**
 * The store on a JDBC database: an embedded H2 file by default, or PostgreSQL for several lookup servers
 * sharing one database.
 */
public final class JdbcLookupStore implements LookupStore {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final String MATCH_COLUMNS = "id, name, sport, origins, scheduled_start, min_votes, vote_fraction, "
            + "host_url, owner, created_at, last_heartbeat, finished_at";

    private final ConnectionPool pool;
    /**
     * Whether every write is made durable by hand before it is answered: H2 only (PostgreSQL's commit is
     * durable). {@code CHECKPOINT SYNC} after a write stores everything committed and fsyncs the file, so an
     * answered write survives a kill -9 and a power cut alike (see {@link #h2Url}).
     */
    private final boolean syncEachWrite;
    /** writes done so far, numbered in the order they finished */
    private final AtomicLong writes = new AtomicLong();
    /** guards {@link #synced}; one sync at a time, and it covers every write that finished before it began */
    private final Object syncLock = new Object();
    /** the number of the last write a finished sync covers */
    private long synced;

    /** the embedded database's file, to compact when it has grown past {@link #COMPACT_AT}; or null */
    private final java.nio.file.Path h2File;
    /** the size at which {@link #maintain()} compacts the embedded database's file */
    static final long COMPACT_AT = 64L << 20;

    private JdbcLookupStore(ConnectionPool pool, boolean syncEachWrite, java.nio.file.Path h2File) {
        this.pool = pool;
        this.syncEachWrite = syncEachWrite;
        this.h2File = h2File;
    }

    /** @return the file of an embedded H2 database ({@code jdbc:h2:file:PATH;...} or {@code jdbc:h2:PATH}), or null */
    private static java.nio.file.Path h2File(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        String path = url.substring("jdbc:h2:".length());
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        int semicolon = path.indexOf(';');
        path = semicolon >= 0 ? path.substring(0, semicolon) : path;
        try {
            return java.nio.file.Path.of(path + ".mv.db");
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * Opens the database and brings its schema up to date.
     *
     * @param url      a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
     * @param user     the database user, or {@code null}
     * @param password the database password, or {@code null}
     * @return the store
     * @throws StoreException when the database cannot be opened, with the reason in words
     */
    public static JdbcLookupStore open(String url, String user, String password) {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        ConnectionPool pool = new ConnectionPool(driverFor(url), url, props, 16);
        try (Connection c = pool.borrow()) {
            Migrations.migrate(c);
        } catch (SQLException e) {
            pool.close();
            String reason = e.getMessage() != null && e.getMessage().contains("already in use")
                    ? "the database is in use by another process (is another lookup server running on the same data directory?)"
                    : e.getMessage();
            throw new StoreException("cannot open the database " + redact(url) + ": " + reason, e);
        }
        return new JdbcLookupStore(pool, url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:"), h2File(url));
    }

    /** @return the H2 URL of the store in a data directory */
    public static String h2Url(java.nio.file.Path dataDir) {
        // Measured with kill -9 right after the answer (issue 13, KillNineTest): with H2 2.5's defaults and
        // WRITE_DELAY=0 (each commit written at once) the store reopened without the last writes in 2 to 6
        // rounds of every 10 to 16, and after such a loss sometimes without writes of later runs too; a
        // CHECKPOINT SYNC after each write alone did not prevent it when writes ran in parallel. Writing new
        // data only at the end of the file (REUSE_SPACE=FALSE) did, in every round: recovery then finds the
        // newest chunk at the end. (With space reuse on, a RETENTION_TIME of 5 s brought the loss back in the
        // third round: it starts once freed space is reused.) So the file grows, 10 to 15 KiB per write, until
        // maintain() compacts it (past 64 MiB) or the server closes it (always).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("lookup") + ";WRITE_DELAY=0;REUSE_SPACE=FALSE";
    }

    private static Driver driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            try {
                Class<?> type = Class.forName("org.postgresql.Driver", true, JdbcLookupStore.class.getClassLoader());
                return (Driver) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new StoreException("the PostgreSQL JDBC driver (bundle org.postgresql.jdbc) is not installed", e);
            }
        }
        throw new StoreException("unsupported database URL " + redact(url)
                + "; Sideline supports jdbc:h2: and jdbc:postgresql:", null);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    // ---------------------------------------------------------------------------------------- users

    @Override
    public boolean createUser(String name, String passwordHash, Instant now) {
        try (Connection c = pool.borrow();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO users (name, name_key, password_hash, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, name);
            s.setString(2, name.toLowerCase(Locale.ROOT));
            s.setString(3, passwordHash);
            s.setLong(4, now.toEpochMilli());
            s.executeUpdate();
            durable(c);
            return true;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            throw failed("store a user", e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        // 23505: SQL standard "unique violation", used by H2 and PostgreSQL alike
        return "23505".equals(e.getSQLState());
    }

    @Override
    public Optional<User> findUser(String name) {
        return queryOne("SELECT name, password_hash FROM users WHERE name_key = ?",
                s -> s.setString(1, name.toLowerCase(Locale.ROOT)),
                r -> new User(r.getString(1), r.getString(2)));
    }

    @Override
    public void updatePasswordHash(String name, String passwordHash) {
        update("UPDATE users SET password_hash = ? WHERE name = ?", s -> {
            s.setString(1, passwordHash);
            s.setString(2, name);
        });
    }

    // ------------------------------------------------------------------------------------- sessions

    @Override
    public void createSession(String tokenHash, String user, Instant now, Instant expiresAt) {
        update("INSERT INTO sessions (token_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, tokenHash);
            s.setString(2, user);
            s.setLong(3, now.toEpochMilli());
            s.setLong(4, expiresAt.toEpochMilli());
        });
    }

    @Override
    public Optional<Grant> findSession(String tokenHash) {
        return queryOne("SELECT user_name, expires_at FROM sessions WHERE token_hash = ?",
                s -> s.setString(1, tokenHash),
                r -> new Grant(r.getString(1), null, Instant.ofEpochMilli(r.getLong(2))));
    }

    @Override
    public boolean deleteSession(String tokenHash) {
        return update("DELETE FROM sessions WHERE token_hash = ?", s -> s.setString(1, tokenHash)) > 0;
    }

    // -------------------------------------------------------------------------------------- matches

    @Override
    public <E extends Exception> Match createMatch(String id, MatchDraft d, String owner, Instant now,
            MatchStates states, Instant createdSince, Admission<E> admit) throws E {
        JsonArray origins = new JsonArray();
        d.origins().forEach(origins::add);
        String searchText = (d.name() + " " + String.join(" ", d.origins()) + " " + d.sport()).toLowerCase(Locale.ROOT);
        try (Connection c = pool.borrow()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                // the owner's row, locked until commit: one owner's registrations are counted one at a time
                try (PreparedStatement s = c.prepareStatement("SELECT name FROM users WHERE name = ? FOR UPDATE")) {
                    s.setString(1, owner);
                    s.executeQuery().close();
                }
                int open;
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM matches WHERE owner = ? AND "
                        + "finished_at IS NULL AND (scheduled_start > ? OR last_heartbeat >= ?)")) {
                    s.setString(1, owner);
                    s.setLong(2, states.now().toEpochMilli());
                    s.setLong(3, states.lostBefore().toEpochMilli());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        open = r.getInt(1);
                    }
                }
                int recent;
                Instant oldest;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*), MIN(created_at) FROM matches WHERE owner = ? AND created_at > ?")) {
                    s.setString(1, owner);
                    s.setLong(2, createdSince.toEpochMilli());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        recent = r.getInt(1);
                        long min = r.getLong(2);
                        oldest = r.wasNull() ? null : Instant.ofEpochMilli(min);
                    }
                }
                admit.check(new OwnerMatches(open, recent, oldest));
                try (PreparedStatement s = c.prepareStatement("INSERT INTO matches (" + MATCH_COLUMNS
                        + ", search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
                    s.setString(1, id);
                    s.setString(2, d.name());
                    s.setString(3, d.sport());
                    s.setString(4, GSON.toJson(origins));
                    s.setLong(5, d.scheduledStart().toEpochMilli());
                    s.setInt(6, d.quorum().minVotes());
                    s.setDouble(7, d.quorum().fraction());
                    s.setString(8, d.hostUrl());
                    s.setString(9, owner);
                    s.setLong(10, now.toEpochMilli());
                    s.setLong(11, now.toEpochMilli());
                    s.setString(12, searchText);
                    s.executeUpdate();
                }
                c.commit();
                committed = true;
            } finally {
                if (!committed) {
                    c.rollback();
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("store a match", e);
        }
        return new Match(id, d.name(), d.sport(), d.origins(), d.scheduledStart(), d.quorum(), d.hostUrl(), owner,
                states.of(d.scheduledStart(), now, null), now, now);
    }

    @Override
    public Optional<Match> findMatch(String id, MatchStates states) {
        return queryOne("SELECT " + MATCH_COLUMNS + " FROM matches WHERE id = ?", s -> s.setString(1, id),
                r -> match(r, states));
    }

    @Override
    public Page<Match> searchMatches(MatchQuery q, MatchStates states) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        String text = q.text();
        if (text != null) {
            for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    where.append(" AND search_text LIKE ? ESCAPE '\\'");
                    args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
            }
        }
        if (q.sport() != null) {
            where.append(" AND sport = ?");
            args.add(q.sport());
        }
        LocalDate date = q.date();
        if (date != null) {
            where.append(" AND scheduled_start >= ? AND scheduled_start < ?");
            args.add(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
            args.add(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        }
        MatchState state = q.state();
        if (state != null) {
            long now = states.now().toEpochMilli();
            long lostBefore = states.lostBefore().toEpochMilli();
            switch (state) {
                case FINISHED -> where.append(" AND finished_at IS NOT NULL");
                case SCHEDULED -> {
                    where.append(" AND finished_at IS NULL AND scheduled_start > ?");
                    args.add(now);
                }
                case LIVE -> {
                    where.append(" AND finished_at IS NULL AND scheduled_start <= ? AND last_heartbeat >= ?");
                    args.add(now);
                    args.add(lostBefore);
                }
                case HOST_LOST -> {
                    where.append(" AND finished_at IS NULL AND scheduled_start <= ? AND last_heartbeat < ?");
                    args.add(now);
                    args.add(lostBefore);
                }
            }
        }
        try (Connection c = pool.borrow()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM matches" + where)) {
                bind(s, args);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    total = r.getLong(1);
                }
            }
            List<Match> items = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + MATCH_COLUMNS + " FROM matches" + where
                    + " ORDER BY scheduled_start DESC, id LIMIT ? OFFSET ?")) {
                List<Object> all = new ArrayList<>(args);
                all.add(q.size());
                all.add((long) q.page() * q.size());
                bind(s, all);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.add(match(r, states));
                    }
                }
            }
            return new Page<>(items, q.page(), q.size(), total);
        } catch (SQLException e) {
            throw failed("search matches", e);
        }
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                s.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                s.setInt(i + 1, n);
            } else {
                s.setString(i + 1, (String) a);
            }
        }
    }

    private static Match match(ResultSet r, MatchStates states) throws SQLException {
        List<String> origins = new ArrayList<>();
        for (JsonElement e : GSON.fromJson(r.getString(4), JsonArray.class)) {
            origins.add(e.getAsString());
        }
        Instant start = Instant.ofEpochMilli(r.getLong(5));
        Instant heartbeat = Instant.ofEpochMilli(r.getLong(11));
        long finished = r.getLong(12);
        Instant finishedAt = r.wasNull() ? null : Instant.ofEpochMilli(finished);
        MatchState state = states.of(start, heartbeat, finishedAt);
        return new Match(r.getString(1), r.getString(2), r.getString(3), origins, start,
                new QuorumPolicy(r.getInt(6), r.getDouble(7)), r.getString(8), r.getString(9), state,
                Instant.ofEpochMilli(r.getLong(10)), heartbeat);
    }

    @Override
    public boolean heartbeat(String matchId, Instant now, String hostUrl) {
        return update("UPDATE matches SET last_heartbeat = ?, host_url = COALESCE(?, host_url) WHERE id = ?", s -> {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, hostUrl);
            s.setString(3, matchId);
        }) > 0;
    }

    @Override
    public boolean finish(String matchId, Instant now) {
        return update("UPDATE matches SET finished_at = COALESCE(finished_at, ?) WHERE id = ?", s -> {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, matchId);
        }) > 0;
    }

    // ---------------------------------------------------------------------------------- join tokens

    @Override
    public void createJoinToken(String tokenHash, String user, String matchId, Instant now, Instant expiresAt) {
        update("INSERT INTO join_tokens (token_hash, user_name, match_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                s -> {
                    s.setString(1, tokenHash);
                    s.setString(2, user);
                    s.setString(3, matchId);
                    s.setLong(4, now.toEpochMilli());
                    s.setLong(5, expiresAt.toEpochMilli());
                });
    }

    @Override
    public Optional<Grant> findJoinToken(String tokenHash) {
        return queryOne("SELECT user_name, match_id, expires_at FROM join_tokens WHERE token_hash = ?",
                s -> s.setString(1, tokenHash),
                r -> new Grant(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3))));
    }

    @Override
    public int purgeExpired(Instant now) {
        long t = now.toEpochMilli();
        return update("DELETE FROM sessions WHERE expires_at < ?", s -> s.setLong(1, t))
                + update("DELETE FROM join_tokens WHERE expires_at < ?", s -> s.setLong(1, t));
    }

    @Override
    public String secret(String name, String fresh) {
        Optional<String> stored = queryOne("SELECT secret FROM server_secrets WHERE name = ?", s -> s.setString(1, name),
                r -> r.getString(1));
        if (stored.isPresent()) {
            return stored.get();
        }
        try (Connection c = pool.borrow();
                PreparedStatement s = c.prepareStatement("INSERT INTO server_secrets (name, secret) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, fresh);
            s.executeUpdate();
            durable(c);
            return fresh;
        } catch (SQLException e) {
            if (isUniqueViolation(e)) { // another server stored one first: use it
                return queryOne("SELECT secret FROM server_secrets WHERE name = ?", s -> s.setString(1, name),
                        r -> r.getString(1)).orElseThrow(() -> failed("read the token key", e));
            }
            throw failed("store the token key", e);
        }
    }

    /**
     * Compacts the embedded database's file once it is larger than {@link #COMPACT_AT}: it only appends
     * while it runs (see {@link #h2Url}), about 10 to 15 KiB per write. {@code SHUTDOWN COMPACT} copies the live
     * data into a temporary file and moves that over the old one, in about 200 ms per 30 MiB here; requests
     * wait meanwhile, then the next connection opens the database again.
     */
    @Override
    public void maintain() {
        try {
            if (h2File == null || !java.nio.file.Files.isRegularFile(h2File)
                    || java.nio.file.Files.size(h2File) < COMPACT_AT) {
                return;
            }
            pool.exclusively(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN COMPACT");
                }
            });
        } catch (java.io.IOException | SQLException e) {
            throw new StoreException("could not compact the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (h2File != null) {
                // every write is on disk already; this leaves a small file for the next start
                pool.exclusively(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN COMPACT");
                    }
                });
            }
        } catch (SQLException e) {
            // closing anyway: every write is already on disk
        }
        pool.close();
    }

    // -------------------------------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = pool.borrow(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            int changed = s.executeUpdate();
            if (changed > 0) {
                durable(c);
            }
            return changed;
        } catch (SQLException e) {
            throw failed("update the database", e);
        }
    }

    /**
     * Makes every write finished so far durable before the caller answers (group commit: a write that
     * finished while another thread's sync ran waits for the next sync, and one sync covers all that waited).
     * A write is counted once its statement has committed (auto-commit), so a sync that begins after the
     * count covers it.
     */
    private void durable(Connection c) throws SQLException {
        if (!syncEachWrite) {
            return;
        }
        long mine = writes.incrementAndGet();
        synchronized (syncLock) {
            if (synced >= mine) {
                return;
            }
            long upTo = writes.get();
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            synced = upTo;
        }
    }

    private <T> Optional<T> queryOne(String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = pool.borrow(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(reader.read(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read the database", e);
        }
    }

    private static StoreException failed(String what, SQLException e) {
        return new StoreException("could not " + what + ": " + e.getMessage(), e);
    }
}
