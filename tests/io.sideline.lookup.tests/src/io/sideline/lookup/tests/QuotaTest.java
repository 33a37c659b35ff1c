package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.protocol.ProtocolError;
import io.sideline.testing.MutableClock;

/**
 * One user cannot fill the server with matches, one address cannot register users by the hundred, and a match
 * cannot be scheduled for a time no one will see: each is refused with a message that says what to do, and what
 * was accepted before stays.
 */
class QuotaTest {

    /** the fixture's clock reads this */
    static final Instant NOW = Instant.parse("2021-06-11T17:00:00Z");

    @TempDir
    Path data;
    LookupServerFixture lookup;

    private Session ana(Consumer<LookupServerConfig.Builder> tweak) throws Exception {
        lookup = new LookupServerFixture(data, new MutableClock(NOW), tweak);
        await(lookup.client.register("ana", PASSWORD));
        return await(lookup.client.identify("ana", PASSWORD));
    }

    @AfterEach
    void stop() {
        if (lookup != null) {
            lookup.close();
        }
    }

    private static MatchDraft startingAt(Instant start, int i) {
        return new MatchDraft("Match " + i, "football", List.of("Home", "Away"), start, QuorumPolicy.DEFAULT,
                "ws://127.0.0.1:" + (7000 + i) + "/match");
    }

    @Test
    void aUserWithAsManyScheduledOrLiveMatchesAsAllowedMustFinishOneFirst() throws Exception {
        Session ana = ana(b -> b.matchQuota(3, 0));
        List<Match> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(await(lookup.client.create(ana, startingAt(NOW.plus(Duration.ofDays(1)), i))));
        }
        LookupException e = assertThrows(LookupException.class,
                () -> await(lookup.client.create(ana, startingAt(NOW.plus(Duration.ofDays(1)), 3))));
        assertTrue(e.is(LookupError.FORBIDDEN), e.code());
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("you already have 3 matches that are scheduled or live")
                && e.getMessage().contains("finish one first"), e.getMessage());

        await(lookup.client.finish(ana, mine.get(0).id()));
        await(lookup.client.create(ana, startingAt(NOW.plus(Duration.ofDays(1)), 4)));
        for (Match m : mine) {
            assertEquals(m.id(), await(lookup.client.match(ana, m.id())).id(), "what was accepted stays");
        }
    }

    @Test
    void aMatchWhoseHostIsLostNoLongerCounts() throws Exception {
        Session ana = ana(b -> b.matchQuota(2, 0));
        await(lookup.client.create(ana, startingAt(NOW.minus(Duration.ofHours(1)), 0)));
        await(lookup.client.create(ana, startingAt(NOW.minus(Duration.ofHours(1)), 1)));
        assertThrows(LookupException.class, () -> await(lookup.client.create(ana, startingAt(NOW, 2))));
        lookup.clock.advance(Duration.ofSeconds(31)); // both hosts fall silent: host lost
        await(lookup.client.create(ana, startingAt(NOW, 3)));
    }

    @Test
    void manyMatchesRegisteredAtOnceByOneUserStopAtTheQuota() throws Exception {
        Session ana = ana(b -> b.matchQuota(5, 0).requestLimit(0, 0));
        List<CompletableFuture<Match>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(lookup.client.create(ana, startingAt(NOW.plus(Duration.ofDays(1)), i)));
        }
        int created = 0;
        int refused = 0;
        for (CompletableFuture<Match> f : all) {
            try {
                f.get();
                created++;
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof LookupException l && l.is(LookupError.FORBIDDEN), e.getCause().toString());
                refused++;
            }
        }
        assertEquals(5, created, "exactly the quota was created");
        assertEquals(15, refused);
    }

    @Test
    void aUserWhoRegisteredAsManyMatchesAsAllowedInADayWaitsForTheOldestToAgeOut() throws Exception {
        Session ana = ana(b -> b.matchQuota(0, 3));
        for (int i = 0; i < 3; i++) {
            await(lookup.client.create(ana, startingAt(NOW.minus(Duration.ofDays(1)), i)));
            lookup.clock.advance(Duration.ofMinutes(10));
        }
        LookupException e = assertThrows(LookupException.class,
                () -> await(lookup.client.create(ana, startingAt(NOW, 3))));
        assertTrue(e.is(LookupError.RATE_LIMITED), e.code());
        assertEquals(429, e.status());
        assertEquals(Duration.ofHours(24).minusMinutes(30), e.retryAfter(), "until the first is 24 hours old");
        assertTrue(e.getMessage().contains("3 matches within 24 hours"), e.getMessage());

        lookup.clock.advance(e.retryAfter().plusSeconds(1));
        Session again = await(lookup.client.identify("ana", PASSWORD));
        await(lookup.client.create(again, startingAt(NOW, 4)));
    }

    @Test
    void oneAddressRegistersAtMostTheLimitPerWindow() throws Exception {
        ana(b -> b.registrationLimit(3, Duration.ofHours(1))); // ana is the first of three
        await(lookup.client.register("ben", PASSWORD));
        // a name that is taken registers nobody, and uses up nothing
        LookupException taken = assertThrows(LookupException.class, () -> await(lookup.client.register("ANA", PASSWORD)));
        assertTrue(taken.is(LookupError.USER_EXISTS), taken.code());
        await(lookup.client.register("cid", PASSWORD));

        lookup.clock.advance(Duration.ofMinutes(20));
        LookupException e = assertThrows(LookupException.class, () -> await(lookup.client.register("dan", PASSWORD)));
        assertTrue(e.is(LookupError.RATE_LIMITED), e.code());
        assertEquals(429, e.status());
        assertNotNull(e.retryAfter(), "Retry-After");
        assertEquals(Duration.ofMinutes(40), e.retryAfter(), "until the first registration is an hour old");
        assertTrue(e.getMessage().contains("3 users were registered from 127.0.0.1 within 1 hour"), e.getMessage());

        lookup.clock.advance(Duration.ofMinutes(40));
        assertEquals("dan", await(lookup.client.register("dan", PASSWORD)));
        await(lookup.client.identify("ben", PASSWORD)); // the users registered before are all there
        await(lookup.client.identify("cid", PASSWORD));
    }

    @Test
    void aMatchMayBeScheduledAtMostAYearAhead() throws Exception {
        Session ana = ana(b -> { });
        await(lookup.client.create(ana, startingAt(NOW.plus(Duration.ofDays(365)), 0)));
        LookupException e = assertThrows(LookupException.class,
                () -> await(lookup.client.create(ana, startingAt(NOW.plus(Duration.ofDays(367)), 1))));
        assertEquals(ProtocolError.OUT_OF_RANGE.code(), e.code());
        assertEquals(400, e.status());
        assertEquals("scheduledStart", e.field());
        assertTrue(e.getMessage().contains("366 days"), e.getMessage());
    }
}
