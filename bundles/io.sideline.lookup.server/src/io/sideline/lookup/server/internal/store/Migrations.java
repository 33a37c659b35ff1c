package io.sideline.lookup.server.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as numbered steps. On start the store applies the steps a database lacks, each in its own
 * transaction, and records the version reached. SQL is kept to what H2 and PostgreSQL both run; times are
 * epoch milliseconds in BIGINT columns, so no time zone ever applies.
 */
final class Migrations {

    /** Step n (1-based) is {@code STEPS.get(n - 1)}. Append only: never edit a released step. */
    static final List<List<String>> STEPS = List.of(
            List.of("""
                    CREATE TABLE users (
                      name          VARCHAR(32)  NOT NULL PRIMARY KEY,
                      name_key      VARCHAR(32)  NOT NULL UNIQUE,
                      password_hash VARCHAR(200) NOT NULL,
                      created_at    BIGINT       NOT NULL)""",
                    """
                    CREATE TABLE sessions (
                      token_hash CHAR(64)    NOT NULL PRIMARY KEY,
                      user_name  VARCHAR(32) NOT NULL REFERENCES users(name),
                      created_at BIGINT      NOT NULL,
                      expires_at BIGINT      NOT NULL)""",
                    "CREATE INDEX sessions_expiry ON sessions(expires_at)",
                    """
                    CREATE TABLE matches (
                      id              VARCHAR(32)      NOT NULL PRIMARY KEY,
                      name            VARCHAR(200)     NOT NULL,
                      sport           VARCHAR(64)      NOT NULL,
                      origins         VARCHAR(16000)   NOT NULL,
                      scheduled_start BIGINT           NOT NULL,
                      min_votes       INTEGER          NOT NULL,
                      vote_fraction   DOUBLE PRECISION NOT NULL,
                      host_url        VARCHAR(512)     NOT NULL,
                      owner           VARCHAR(32)      NOT NULL REFERENCES users(name),
                      created_at      BIGINT           NOT NULL,
                      last_heartbeat  BIGINT           NOT NULL,
                      finished_at     BIGINT,
                      search_text     VARCHAR(16500)   NOT NULL)""",
                    "CREATE INDEX matches_start ON matches(scheduled_start)",
                    "CREATE INDEX matches_sport ON matches(sport)",
                    """
                    CREATE TABLE join_tokens (
                      token_hash CHAR(64)    NOT NULL PRIMARY KEY,
                      user_name  VARCHAR(32) NOT NULL REFERENCES users(name),
                      match_id   VARCHAR(32) NOT NULL REFERENCES matches(id),
                      created_at BIGINT      NOT NULL,
                      expires_at BIGINT      NOT NULL)""",
                    "CREATE INDEX join_tokens_expiry ON join_tokens(expires_at)"),
            // room for every draft the API accepts: 64 origins of 200 characters, where JSON writes a character
            // such as U+2028 as six, and lower-casing for search turns U+0130 into two
            List.of("ALTER TABLE matches ALTER COLUMN origins SET DATA TYPE VARCHAR(80000)",
                    "ALTER TABLE matches ALTER COLUMN search_text SET DATA TYPE VARCHAR(32000)"),
            // the key that signs join tokens, shared by every lookup server on the database
            List.of("""
                    CREATE TABLE server_secrets (
                      name   VARCHAR(64)  NOT NULL PRIMARY KEY,
                      secret VARCHAR(200) NOT NULL)"""),
            // the match quotas count an owner's matches at every registration
            List.of("CREATE INDEX matches_owner ON matches(owner, created_at)"));

    private Migrations() {
    }

    /** @return the schema version after migrating */
    static int migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS sideline_schema (version INTEGER NOT NULL)");
        }
        int version = current(c);
        if (version > STEPS.size()) {
            throw new SQLException("the database has schema version " + version + ", newer than this server ("
                    + STEPS.size() + "); use a newer Sideline");
        }
        for (int step = version + 1; step <= STEPS.size(); step++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : STEPS.get(step - 1)) {
                    s.execute(sql);
                }
                s.executeUpdate("DELETE FROM sideline_schema");
                s.executeUpdate("INSERT INTO sideline_schema (version) VALUES (" + step + ")");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("schema step " + step + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        }
        return STEPS.size();
    }

    private static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM sideline_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
