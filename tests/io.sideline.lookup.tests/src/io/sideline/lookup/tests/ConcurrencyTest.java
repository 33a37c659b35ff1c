package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.lookup.client.LookupClient;
import io.sideline.testing.MutableClock;

/**
 * Fifty people at once, each with their own client: every one registers, identifies and creates a
 * match, then joins someone else's; nothing is lost, mixed up or refused. Password hashing is deliberately
 * slow and runs one per core: when no core frees up in time the server answers "busy, try again in 1 s"
 * (429 with a retry time) and has done nothing, and these people, as people do, try again then. Any other
 * refusal fails the test.
 */
class ConcurrencyTest {

    private static final int PEOPLE = 50;

    @TempDir
    Path data;

    /** One person: a client of their own, their session and their match. */
    private record Person(String name, LookupClient client, Session session, Match match) {
    }

    /** runs one task per person at the same time; @return their results, in order, or fails with every failure */
    private static <T> List<T> together(ExecutorService threads, IntFunction<Callable<T>> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            futures.add(threads.submit(task.apply(i)));
        }
        List<T> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException e) {
                failures.add("person " + i + ": " + e.getCause());
            }
        }
        assertEquals(List.of(), failures, "no request failed");
        return results;
    }

    /**
     * Sends a password request, again after the server's retry time while it answers that it is busy
     * checking other passwords (it did nothing then), for at most two minutes.
     */
    private static <T> T whenNotBusy(Supplier<CompletableFuture<T>> request) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                return await(request.get());
            } catch (LookupException e) {
                if (!e.is(LookupError.RATE_LIMITED) || e.retryAfter() == null || System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(e.retryAfter().toMillis());
            }
        }
    }

    @Test
    void fiftyPeopleRegisterIdentifyCreateAndJoinAtOnce() throws Exception {
        List<LookupClient> clients = new ArrayList<>();
        try (LookupServerFixture lookup = new LookupServerFixture(data,
                new MutableClock(Instant.parse("2021-06-11T17:00:00Z")),
                b -> b.requestLimit(0, 0).registrationLimit(0, Duration.ofHours(1)));
                ExecutorService threads = Executors.newFixedThreadPool(PEOPLE)) {
            for (int i = 0; i < PEOPLE; i++) {
                // password hashing is deliberately slow: fifty at once on a small machine take a while
                clients.add(LookupClient.create(lookup.server.uri(), Duration.ofMinutes(5)));
            }

            List<Person> people = together(threads, i -> () -> {
                LookupClient client = clients.get(i);
                String name = "person-" + i;
                whenNotBusy(() -> client.register(name, PASSWORD));
                Session session = whenNotBusy(() -> client.identify(name, PASSWORD));
                Match match = await(client.create(session, new MatchDraft("Match of " + name, "football",
                        List.of("Home " + i, "Away " + i), Instant.parse("2021-06-11T19:00:00Z").plusSeconds(i),
                        QuorumPolicy.DEFAULT, "ws://127.0.0.1:" + (7000 + i) + "/match")));
                return new Person(name, client, session, match);
            });

            List<JoinTicket> tickets = together(threads, i -> () -> {
                Person p = people.get(i);
                return await(p.client().join(p.session(), people.get((i + 1) % PEOPLE).match().id()));
            });

            List<TokenCheck> checks = together(threads, i -> () -> {
                Person host = people.get((i + 1) % PEOPLE);
                return await(host.client().checkToken(host.session(), host.match().id(), tickets.get(i).token()));
            });

            assertEquals(PEOPLE, new HashSet<>(people.stream().map(p -> p.session().token()).toList()).size(),
                    "every session is its own");
            assertEquals(PEOPLE, new HashSet<>(people.stream().map(p -> p.match().id()).toList()).size(),
                    "every match is its own");
            assertEquals(PEOPLE, await(lookup.client.search(people.get(0).session(), new MatchQuery(null, null, null,
                    null, 0, 100))).total(), "every match was stored");
            for (int i = 0; i < PEOPLE; i++) {
                Person p = people.get(i);
                Person host = people.get((i + 1) % PEOPLE);
                assertEquals(p.name(), p.match().owner());
                assertEquals(host.match().hostUrl(), tickets.get(i).hostUrl(), "the joiner is sent to the right host");
                TokenCheck check = checks.get(i);
                assertTrue(check.active(), p.name() + "'s token for " + host.name() + "'s match: " + check.reason());
                assertEquals(p.name(), check.user());
                assertEquals(host.match().id(), check.matchId());
            }
        } finally {
            clients.forEach(LookupClient::close);
        }
    }
}
