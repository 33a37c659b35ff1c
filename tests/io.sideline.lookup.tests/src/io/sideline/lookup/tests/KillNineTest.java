package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.testing.ChildJvm;

/**
 * A write the lookup server answered 201 for survives a kill -9 right after the answer. Each round starts
 * the server in a JVM of its own on the same data directory, checks the writes of the round before, then
 * registers a user while creating two matches (at once, as several clients would), kills the server with
 * SIGKILL the moment the last 201 arrives, and starts it again. H2 lost such writes in some rounds until the
 * store synced each write (issue 13).
 */
class KillNineTest {

    private static final int ROUNDS = 20;
    private static final int MATCHES_PER_ROUND = 2;
    /** the full JIT: the server hashes passwords */
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private ChildJvm start(Path data) throws Exception {
        return ChildJvm.start(dir, LookupProcess.class, JVM, "READY ", data.toString());
    }

    private static URI uri(ChildJvm child) {
        return URI.create("http://127.0.0.1:" + child.readyLine().substring("READY ".length()).trim());
    }

    private static void kill(ChildJvm child) throws InterruptedException {
        child.process().destroyForcibly(); // SIGKILL on Linux and macOS
        child.process().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void everyWriteAnsweredBeforeAKillNineIsThereAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        List<String> users = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        String previousUser = null;
        List<String> previousMatches = List.of();
        for (int round = 0; round < ROUNDS; round++) {
            ChildJvm child = start(data);
            try (LookupClient client = LookupClient.create(uri(child))) {
                Session session;
                if (previousUser == null) {
                    await(client.register("first-user", PASSWORD));
                    session = await(client.identify("first-user", PASSWORD));
                } else {
                    session = identifyAfterKill(client, previousUser, round);
                    for (String id : previousMatches) {
                        try {
                            assertEquals(id, await(client.match(session, id)).id());
                        } catch (LookupException e) {
                            fail("round " + round + ": match " + id + " was created (201) before the kill -9 of round "
                                    + (round - 1) + " and is gone after the restart: " + e.code());
                        }
                    }
                }

                String user = "user-" + round;
                CompletableFuture<String> registered = client.register(user, PASSWORD);
                List<CompletableFuture<Match>> created = new ArrayList<>();
                for (int i = 0; i < MATCHES_PER_ROUND; i++) {
                    created.add(client.create(session, draft(round, i)));
                }
                List<String> ids = new ArrayList<>();
                for (CompletableFuture<Match> m : created) {
                    ids.add(await(m).id());
                }
                await(registered);
                kill(child); // right after the last 201
                users.add(user);
                matches.addAll(ids);
                previousUser = user;
                previousMatches = ids;
            } finally {
                kill(child);
            }
        }

        ChildJvm child = start(data);
        try (LookupClient client = LookupClient.create(uri(child))) {
            Session session = null;
            for (String user : users) {
                session = identifyAfterKill(client, user, ROUNDS);
            }
            assertEquals(matches.size(), await(client.search(session, new MatchQuery(null, null, null, null, 0, 100)))
                    .total(), "every match answered 201 in " + ROUNDS + " rounds is there");
        } finally {
            child.process().getOutputStream().close();
            kill(child);
        }
    }

    private static Session identifyAfterKill(LookupClient client, String user, int round) throws Exception {
        try {
            return await(client.identify(user, PASSWORD));
        } catch (LookupException e) {
            throw new AssertionError("round " + round + ": user " + user + " was registered (201) before a kill -9 "
                    + "and cannot identify after the restart: " + e.code(), e);
        }
    }

    private static MatchDraft draft(int round, int i) {
        return new MatchDraft("Round " + round + " match " + i, "football", List.of("Home " + i, "Away " + i),
                Instant.parse("2021-06-11T19:00:00Z").plusSeconds(round * 10L + i), QuorumPolicy.DEFAULT,
                "ws://127.0.0.1:7070/round-" + round + "-" + i);
    }
}
