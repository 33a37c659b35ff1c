package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.testing.MutableClock;

/**
 * The limits around passwords hold under parallel load (issue 13): parallel wrong guesses for one user get
 * no more password checks than serial ones, and a burst of registrations holds only a few of the server's
 * threads, refusing the rest at once with 429 and {@code Retry-After}, while health and search are answered.
 */
class PasswordLimitsTest {

    private static final int GUESSES = 40;
    private static final int MAX_FAILURES = 5;

    @TempDir
    Path data;

    private LookupServerFixture fixture() throws Exception {
        return new LookupServerFixture(data, new MutableClock(Instant.parse("2021-06-11T17:00:00Z")),
                b -> b.requestLimit(0, 0).loginFailures(MAX_FAILURES, Duration.ofMinutes(15)));
    }

    /** @return the error code a request failed with, or "ok" */
    private static String outcome(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get();
            return "ok";
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LookupException l) {
                return l.code();
            }
            return e.getCause().toString();
        }
    }

    @Test
    void fortyParallelWrongGuessesGetAtMostFivePasswordChecksAndThenTheRightPasswordIsRefused() throws Exception {
        try (LookupServerFixture lookup = fixture();
                LookupClient patient = LookupClient.create(lookup.server.uri(), Duration.ofMinutes(5))) {
            await(lookup.client.register("ana", PASSWORD));
            List<CompletableFuture<Session>> guesses = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                guesses.add(patient.identify("ana", "wrong guess " + i));
            }
            int checked = 0;
            int refused = 0;
            List<String> other = new ArrayList<>();
            for (CompletableFuture<Session> g : guesses) {
                String code = outcome(g);
                if (code.equals(LookupError.BAD_CREDENTIALS.code())) {
                    checked++;
                } else if (code.equals(LookupError.RATE_LIMITED.code())) {
                    refused++;
                } else {
                    other.add(code);
                }
            }
            assertEquals(List.of(), other, "every guess was checked (401) or refused (429)");
            assertTrue(checked <= MAX_FAILURES, checked + " of " + GUESSES + " parallel guesses were checked against "
                    + "the password; the limit is " + MAX_FAILURES);
            assertEquals(GUESSES, checked + refused);

            // (some guesses may have been refused only because the password queue was full: use up the rest)
            for (int i = checked; i < MAX_FAILURES; i++) {
                LookupException e = assertThrows(LookupException.class,
                        () -> await(lookup.client.identify("ana", "one more wrong guess")));
                if (e.is(LookupError.RATE_LIMITED)) {
                    break;
                }
                assertTrue(e.is(LookupError.BAD_CREDENTIALS), e.code());
            }
            LookupException right = assertThrows(LookupException.class, () -> await(lookup.client.identify("ana",
                    PASSWORD)));
            assertTrue(right.is(LookupError.RATE_LIMITED), "once the limit is reached even the right password is "
                    + "refused: " + right.code());
            assertNotNull(right.retryAfter(), "with a time to try again");

            lookup.clock.advance(Duration.ofMinutes(16));
            assertEquals("ana", await(lookup.client.identify("ana", PASSWORD)).user(), "after the window it works");
        }
    }

    @Test
    void aBurstOfRegistrationsHoldsFewThreadsAndHealthAndSearchAreAnsweredMeanwhile() throws Exception {
        int registrations = 120;
        // the server hashes on every core and lets twice as many requests wait; the rest are refused at once
        int mostInPasswordWork = 3 * Runtime.getRuntime().availableProcessors();
        try (LookupServerFixture lookup = fixture();
                LookupClient many = LookupClient.create(lookup.server.uri(), Duration.ofMinutes(5));
                RawHttp other = new RawHttp(lookup.server.uri(), java.net.InetAddress.getByName("127.0.0.2"))) {
            await(lookup.client.register("searcher", PASSWORD));
            Session searcher = await(lookup.client.identify("searcher", PASSWORD));

            List<CompletableFuture<String>> burst = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                burst.add(many.register("burst-" + i, PASSWORD));
            }
            int most = 0;
            int answeredMeanwhile = 0;
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!burst.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < end) {
                most = Math.max(most, threadsInPasswordWork());
                HttpResponse<String> health = other.get("/v1/health", null);
                assertEquals(200, health.statusCode(), health.body());
                assertEquals(0, await(lookup.client.search(searcher, MatchQuery.all())).total());
                answeredMeanwhile++;
            }
            assertTrue(answeredMeanwhile > 0 || burst.stream().allMatch(CompletableFuture::isDone));

            int registered = 0;
            for (CompletableFuture<String> r : burst) {
                try {
                    r.get(3, TimeUnit.MINUTES);
                    registered++;
                } catch (ExecutionException e) {
                    LookupException l = (LookupException) e.getCause();
                    assertTrue(l.is(LookupError.RATE_LIMITED), "a registration is stored or refused as busy: " + l.code());
                    assertNotNull(l.retryAfter(), "a busy answer says when to try again");
                }
            }
            assertTrue(registered > 0, "some registrations went through");
            assertTrue(most <= mostInPasswordWork, most + " server threads were hashing or waiting to hash at once; "
                    + "at most " + mostInPasswordWork + " may");
        }
    }

    /** @return how many of the lookup server's threads (this JVM) are hashing a password or waiting to */
    private static int threadsInPasswordWork() {
        int n = 0;
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            boolean service = false;
            boolean passwordWork = false;
            for (StackTraceElement f : e.getValue()) {
                service |= f.getClassName().startsWith("io.sideline.lookup.server.internal.LookupService");
                passwordWork |= f.getClassName().equals("java.util.concurrent.Semaphore")
                        || f.getClassName().startsWith("io.sideline.lookup.server.internal.Passwords");
            }
            if (service && passwordWork) {
                n++;
            }
        }
        return n;
    }
}
