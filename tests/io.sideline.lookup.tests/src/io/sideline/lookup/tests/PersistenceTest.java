package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.internal.store.JdbcLookupStore;

/**
 * What the lookup server acknowledged is still there after it stops and starts again on the same data
 * directory; a second server cannot take a data directory that is in use; a database opens again and
 * again, and a database from a newer Sideline is refused, not damaged.
 */
class PersistenceTest {

    @TempDir
    Path data;

    private LookupServerFixture lookup;

    @BeforeEach
    void start() throws Exception {
        lookup = new LookupServerFixture(data);
    }

    @AfterEach
    void stop() {
        lookup.close();
    }

    @Test
    void usersSessionsMatchesAndJoinTokensSurviveARestart() throws Exception {
        var client = lookup.client;
        for (String user : List.of("ana", "ben", "carla")) {
            await(client.register(user, PASSWORD));
        }
        Session ana = await(client.identify("ana", PASSWORD));
        Session ben = await(client.identify("ben", PASSWORD));
        Session carla = await(client.identify("carla", PASSWORD));
        await(client.logout(carla));

        Match created = await(client.create(ana, new MatchDraft("Türkiye – Italia, UEFA Euro 2020 «Eröffnung»",
                "football", List.of("Türkiye", "Italia", "Referee's crew"), Instant.parse("2021-06-11T19:00:00Z"),
                new QuorumPolicy(3, 0.75), "wss://host.example:7443/match?id=1")));
        Match other = await(client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/b")));
        lookup.clock.advance(Duration.ofHours(2)); // 19:00, kick-off
        await(client.heartbeat(ana, created.id()));
        await(client.finish(ana, other.id()));
        Match before = await(client.match(ana, created.id()));
        assertEquals(MatchState.LIVE, before.state());
        JoinTicket ticket = await(client.join(ben, created.id()));

        lookup.restart();
        client = lookup.client;

        Match after = await(client.match(ana, created.id()));
        assertEquals(before, after, "every field of the match, read with a session from before the restart");
        assertEquals(MatchState.FINISHED, await(client.match(ben, other.id())).state());
        assertEquals(2, await(client.search(ben, MatchQuery.all())).total(), "both matches are there");
        assertEquals(List.of(after), await(client.search(ben, MatchQuery.text("eröffnung"))).items(),
                "and found by their words");

        TokenCheck check = await(client.checkToken(ana, created.id(), ticket.token()));
        assertTrue(check.active(), "a join token issued before the restart still lets its holder in");
        assertEquals("ben", check.user());
        assertEquals(created.id(), check.matchId());
        assertEquals(ticket.expiresAt(), check.expiresAt());

        LookupException revoked = assertThrows(LookupException.class, () -> await(lookup.client.search(carla,
                MatchQuery.all())));
        assertTrue(revoked.is(LookupError.UNAUTHORIZED), "a session ended before the restart stays ended");

        assertEquals("carla", await(client.identify("carla", PASSWORD)).user(), "passwords survive");
        LookupException wrong = assertThrows(LookupException.class, () -> await(lookup.client.identify("ben", "not "
                + PASSWORD)));
        assertTrue(wrong.is(LookupError.BAD_CREDENTIALS), wrong.code());
        LookupException taken = assertThrows(LookupException.class, () -> await(lookup.client.register("ANA", PASSWORD)));
        assertTrue(taken.is(LookupError.USER_EXISTS), "user names stay taken: " + taken.code());
    }

    @Test
    void theDatabaseFileThatGrowsWithEveryWriteIsCompactedWhenTheServerStopsAndKeepsEverything() throws Exception {
        await(lookup.client.register("ana", PASSWORD));
        Session ana = await(lookup.client.identify("ana", PASSWORD));
        // three owners: one user may have only 20 matches scheduled or live at once
        List<Session> owners = new java.util.ArrayList<>(List.of(ana));
        for (String user : List.of("ben", "cyd")) {
            await(lookup.client.register(user, PASSWORD));
            owners.add(await(lookup.client.identify(user, PASSWORD)));
        }
        List<Match> created = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            created.add(await(lookup.client.create(owners.get(i % 3),
                    LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/" + i))));
        }
        Path file = data.resolve("lookup.mv.db");
        long grown = Files.size(file);
        lookup.close();
        long compacted = Files.size(file);
        assertTrue(compacted < grown, "stopping compacts the file: " + grown + " bytes, then " + compacted);

        lookup.restart();
        assertEquals(created.size(), await(lookup.client.search(ana, new MatchQuery(null, null, null, null, 0, 100)))
                .total(), "every match is still there");
        assertEquals(created.get(59), await(lookup.client.match(ana, created.get(59).id())));
    }

    @Test
    void aSecondServerOnADataDirectoryInUseByAnotherProcessIsRefusedSayingSo() throws Exception {
        await(lookup.client.register("ana", PASSWORD));
        lookup.close();

        Process holder = holdDatabase(data);
        try {
            Exception e = assertThrows(Exception.class, () -> LookupServer.start(lookup.config()).close());
            assertTrue(e.getMessage().contains("database is in use"), e.getMessage());
            assertTrue(e.getMessage().contains("another lookup server"), "it says what to look for: " + e.getMessage());
        } finally {
            holder.getOutputStream().close(); // the holder closes the database and exits at the end of its input
            assertTrue(holder.waitFor(2, TimeUnit.MINUTES), "the holding process ended");
        }

        lookup.restart();
        assertEquals("ana", await(lookup.client.identify("ana", PASSWORD)).user(), "the refused start changed nothing");
    }

    /** @return another JVM that has the data directory's database open until its standard input ends */
    private static Process holdDatabase(Path dataDir) throws Exception {
        Path source = dataDir.resolveSibling(dataDir.getFileName() + "-holder").resolve("HoldDatabase.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                import java.sql.Connection;
                import java.sql.DriverManager;

                public class HoldDatabase {
                    public static void main(String[] args) throws Exception {
                        try (Connection c = DriverManager.getConnection(args[0], "", "")) {
                            System.out.println("open");
                            System.out.flush();
                            while (System.in.read() >= 0) {
                                // until the test closes our input
                            }
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-cp", h2Jar().toString(), source.toString(), JdbcLookupStore.h2Url(dataDir))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals("open")) {
            said.append(line).append('\n');
        }
        assertNotNull(line, "the holding process could not open the database:\n" + said);
        return p;
    }

    /** @return the H2 jar the lookup server runs with */
    private static Path h2Jar() throws Exception {
        Bundle h2 = FrameworkUtil.getBundle(org.h2.Driver.class);
        assertNotNull(h2, "H2 is a bundle");
        var source = org.h2.Driver.class.getProtectionDomain().getCodeSource();
        String where = h2.getLocation() + " / " + (source == null ? null : source.getLocation());
        String location = h2.getLocation();
        int file = location.lastIndexOf("file:");
        Path jar = file < 0 ? null : Path.of(location.substring(file + "file:".length()));
        if ((jar == null || !Files.isRegularFile(jar)) && source != null && "file".equals(source.getLocation().getProtocol())) {
            jar = Path.of(source.getLocation().toURI());
        }
        assertTrue(jar != null && Files.isRegularFile(jar), "the H2 bundle is a jar: " + where);
        return jar;
    }

    // ------------------------------------------------------------------------------------- schema

    private Connection database() throws SQLException {
        return new org.h2.Driver().connect(JdbcLookupStore.h2Url(data), new Properties());
    }

    private int[] schemaRowsAndVersion() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(version) FROM sideline_schema")) {
            r.next();
            return new int[] { r.getInt(1), r.getInt(2) };
        }
    }

    @Test
    void aDatabaseCreatedByThisVersionOpensAgainAndAgain() throws Exception {
        await(lookup.client.register("ana", PASSWORD));
        Session ana = await(lookup.client.identify("ana", PASSWORD));
        Match match = await(lookup.client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/a")));
        lookup.close();
        int[] first = schemaRowsAndVersion();
        assertEquals(1, first[0], "one schema version row");
        assertTrue(first[1] >= 1, "the schema has a version");

        for (int i = 0; i < 3; i++) {
            lookup.restart();
            assertEquals(match, await(lookup.client.match(ana, match.id())), "start " + (i + 2));
        }
        lookup.close();
        int[] later = schemaRowsAndVersion();
        assertEquals(first[0], later[0], "opening again adds no schema rows");
        assertEquals(first[1], later[1], "opening again changes no schema version");
    }

    @Test
    void aDatabaseOfTheFirstSchemaIsUpgradedKeepingItsData() throws Exception {
        await(lookup.client.register("ana", PASSWORD));
        Session ana = await(lookup.client.identify("ana", PASSWORD));
        Match match = await(lookup.client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/a")));
        lookup.close();
        int current = schemaRowsAndVersion()[1];
        try (Connection c = database(); Statement s = c.createStatement()) { // back to what schema 1 made
            s.execute("ALTER TABLE matches ALTER COLUMN origins SET DATA TYPE VARCHAR(16000)");
            s.execute("ALTER TABLE matches ALTER COLUMN search_text SET DATA TYPE VARCHAR(16500)");
            s.execute("DROP TABLE server_secrets");
            s.execute("DROP INDEX matches_owner");
            s.executeUpdate("UPDATE sideline_schema SET version = 1");
        }

        lookup.restart();
        assertEquals(match, await(lookup.client.match(ana, match.id())), "the match and the session are kept");
        List<String> origins = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            origins.add((i + " " + "\"".repeat(200)).substring(0, 200));
        }
        Match big = await(lookup.client.create(ana, new MatchDraft("Sixty-four", "relay", origins,
                Instant.parse("2021-06-12T10:00:00Z"), QuorumPolicy.DEFAULT, "ws://127.0.0.1:7070/b")));
        assertEquals(origins, await(lookup.client.match(ana, big.id())).origins(), "the upgrade made room");
        lookup.close();
        assertEquals(1, schemaRowsAndVersion()[0]);
        assertEquals(current, schemaRowsAndVersion()[1], "upgraded to this version");
    }

    @Test
    void aDatabaseFromANewerSidelineIsRefusedAndLeftAlone() throws Exception {
        await(lookup.client.register("ana", PASSWORD));
        lookup.close();
        int version = schemaRowsAndVersion()[1];
        try (Connection c = database(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sideline_schema SET version = " + (version + 1));
        }

        Exception e = assertThrows(Exception.class, () -> LookupServer.start(lookup.config()).close());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertTrue(e.getMessage().contains("use a newer Sideline"), e.getMessage());
        assertEquals(version + 1, schemaRowsAndVersion()[1], "the newer database is not touched");

        try (Connection c = database(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sideline_schema SET version = " + version);
        }
        lookup.restart();
        assertFalse(await(lookup.client.identify("ana", PASSWORD)).token().isEmpty(), "its data is intact");
    }
}
