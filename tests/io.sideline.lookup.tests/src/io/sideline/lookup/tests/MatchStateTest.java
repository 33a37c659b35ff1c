package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.Page;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.testing.MutableClock;

/**
 * A match's state as its time and its host's heartbeats move it, the same in a match's page and in
 * searches by state; searching by sport, day and state together; and paging through results.
 */
class MatchStateTest {

    @TempDir
    Path data;

    private LookupServerFixture lookup;
    private LookupClient client;
    private Session ana;

    @BeforeEach
    void start() throws Exception {
        // the clock reads 2021-06-11T17:00:00Z; one user schedules more matches than a user may by default
        lookup = new LookupServerFixture(data, new MutableClock(Instant.parse("2021-06-11T17:00:00Z")),
                b -> b.matchQuota(0, 0));
        client = lookup.client;
        await(client.register("ana", PASSWORD));
        ana = await(client.identify("ana", PASSWORD));
    }

    @AfterEach
    void stop() {
        lookup.close();
    }

    private Match create(String name, String sport, String start) throws Exception {
        return await(client.create(ana, new MatchDraft(name, sport, List.of("Home", "Away"), Instant.parse(start),
                QuorumPolicy.DEFAULT, "ws://127.0.0.1:7070/match")));
    }

    /** asserts the match's state on its own and in a search for each state: there, and only there */
    private void assertState(MatchState expected, Match m) throws Exception {
        assertEquals(expected, await(client.match(ana, m.id())).state(), "at " + lookup.clock.instant());
        for (MatchState s : MatchState.values()) {
            Page<Match> found = await(client.search(ana, new MatchQuery(null, null, null, s, 0, 20)));
            List<String> ids = found.items().stream().map(Match::id).toList();
            assertEquals(s == expected, ids.contains(m.id()), "searching " + s.wire() + " at " + lookup.clock.instant()
                    + " finds " + ids);
            found.items().forEach(x -> assertEquals(s, x.state(), "a search by state shows that state"));
        }
    }

    @Test
    void aMatchIsScheduledThenLiveWhileItsHostBeatsThenHostLostThenLiveAgainThenFinishedForGood() throws Exception {
        Match m = create("Turkey – Italy", "football", "2021-06-11T19:00:00Z");
        assertEquals(MatchState.SCHEDULED, m.state());
        assertState(MatchState.SCHEDULED, m);

        lookup.clock.advance(Duration.parse("PT1H59M45S")); // 18:59:45
        assertEquals(MatchState.SCHEDULED, await(client.heartbeat(ana, m.id())), "before kick-off");
        assertState(MatchState.SCHEDULED, m);

        lookup.clock.advance(Duration.ofSeconds(15)); // 19:00:00, the last heartbeat 15 s ago
        assertState(MatchState.LIVE, m);

        lookup.clock.advance(Duration.ofSeconds(15)); // the host has been silent for exactly the 30 s timeout
        assertState(MatchState.LIVE, m);

        lookup.clock.advance(Duration.ofSeconds(1));
        assertState(MatchState.HOST_LOST, m);
        lookup.clock.advance(Duration.ofMinutes(10));
        assertState(MatchState.HOST_LOST, m);

        assertEquals(MatchState.LIVE, await(client.heartbeat(ana, m.id())), "the host is back");
        assertState(MatchState.LIVE, m);

        Match finished = await(client.finish(ana, m.id()));
        assertEquals(MatchState.FINISHED, finished.state());
        assertState(MatchState.FINISHED, m);

        assertEquals(MatchState.FINISHED, await(client.heartbeat(ana, m.id())), "a heartbeat does not revive it");
        await(client.finish(ana, m.id()));
        lookup.clock.advance(Duration.ofDays(2));
        ana = await(client.identify("ana", PASSWORD)); // two days on, a new session
        assertState(MatchState.FINISHED, m);
    }

    @Test
    void aMatchWhoseStartHasPassedWithoutAHeartbeatIsHostLost() throws Exception {
        Match m = create("Wales – Switzerland", "football", "2021-06-12T01:00:00Z");
        lookup.clock.advance(Duration.ofHours(8)); // 01:00, the host silent since it registered at 17:00
        assertState(MatchState.HOST_LOST, m);
    }

    @Test
    void aHostThatMovedSaysWhereInItsHeartbeatAndJoinersAreSentThere() throws Exception {
        Match m = create("Turkey – Italy", "football", "2021-06-11T19:00:00Z");
        await(client.register("ben", PASSWORD));
        Session ben = await(client.identify("ben", PASSWORD));
        assertEquals("ws://127.0.0.1:7070/match", await(client.join(ben, m.id())).hostUrl());

        await(client.heartbeat(ana, m.id(), "ws://198.51.100.7:40411/match")); // restarted elsewhere
        assertEquals("ws://198.51.100.7:40411/match", await(client.join(ben, m.id())).hostUrl());
        assertEquals("ws://198.51.100.7:40411/match", await(client.match(ben, m.id())).hostUrl());
        await(client.heartbeat(ana, m.id()));
        assertEquals("ws://198.51.100.7:40411/match", await(client.match(ben, m.id())).hostUrl(),
                "a heartbeat without an address keeps the last one");

        LookupException moved = assertThrows(LookupException.class,
                () -> await(client.heartbeat(ben, m.id(), "ws://203.0.113.66:1/match")));
        assertTrue(moved.is(LookupError.FORBIDDEN), "only the owner may move a match: " + moved.code());
        assertEquals("ws://198.51.100.7:40411/match", await(client.match(ana, m.id())).hostUrl());
    }

    @Test
    void onlyTheOwnerMayBeatOrFinishAMatch() throws Exception {
        Match m = create("Turkey – Italy", "football", "2021-06-11T19:00:00Z");
        await(client.register("ben", PASSWORD));
        Session ben = await(client.identify("ben", PASSWORD));

        LookupException beat = assertThrows(LookupException.class, () -> await(client.heartbeat(ben, m.id())));
        assertTrue(beat.is(LookupError.FORBIDDEN), beat.code());
        assertEquals(403, beat.status());
        LookupException finish = assertThrows(LookupException.class, () -> await(client.finish(ben, m.id())));
        assertTrue(finish.is(LookupError.FORBIDDEN), finish.code());
        assertEquals(403, finish.status());
        assertFalse(finish.getMessage().isBlank());

        assertEquals(MatchState.SCHEDULED, await(client.match(ben, m.id())).state(), "ben changed nothing");
        LookupException unknown = assertThrows(LookupException.class, () -> await(client.finish(ana, "nosuchmatch1")));
        assertTrue(unknown.is(LookupError.NOT_FOUND), unknown.code());
    }

    private Set<String> names(String sport, String date, MatchState state) throws Exception {
        Page<Match> p = await(client.search(ana, new MatchQuery(null, sport, date == null ? null : LocalDate.parse(date),
                state, 0, 100)));
        Set<String> names = new HashSet<>();
        p.items().forEach(m -> names.add(m.name()));
        assertEquals(p.total(), names.size(), "the total counts what the page shows");
        return names;
    }

    @Test
    void sportDayAndStateFiltersCombine() throws Exception {
        create("A", "football", "2021-06-11T19:00:00Z");
        create("B", "football", "2021-06-12T00:30:00Z"); // still the 11th in New York; the day is UTC
        create("C", "basketball", "2021-06-11T23:59:59Z");
        create("D", "football", "2021-06-11T00:00:00Z"); // under way: registered at 17:00, so its host is fresh
        create("E", "football", "2021-06-10T23:59:59Z");
        create("F", "ice-hockey", "2021-06-11T10:00:00Z");

        assertEquals(Set.of("A", "B", "D", "E"), names("football", null, null));
        assertEquals(Set.of("A", "C", "D", "F"), names(null, "2021-06-11", null));
        assertEquals(Set.of("A", "D"), names("football", "2021-06-11", null));
        assertEquals(Set.of("A"), names("football", "2021-06-11", MatchState.SCHEDULED));
        assertEquals(Set.of("D"), names("football", "2021-06-11", MatchState.LIVE));
        assertEquals(Set.of("B"), names(null, "2021-06-12", MatchState.SCHEDULED));
        assertEquals(Set.of(), names("basketball", "2021-06-12", null));
        assertEquals(Set.of(), names("foot", null, null), "the sport filter is exact");

        lookup.clock.advance(Duration.ofMinutes(1)); // the hosts of D, E and F fall silent
        assertEquals(Set.of("D", "F"), names(null, "2021-06-11", MatchState.HOST_LOST));
        assertEquals(Set.of("F"), names("ice-hockey", "2021-06-11", MatchState.HOST_LOST));
        assertEquals(Set.of(), names(null, null, MatchState.LIVE));
    }

    @Test
    void twentyFiveMatchesComeInPagesOfTenTenAndFive() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(create("Match " + i, "football", Instant.parse("2021-06-12T12:00:00Z").plus(Duration.ofHours(i))
                    .toString()).id());
        }

        List<String> seen = new ArrayList<>();
        int[] sizes = { 10, 10, 5, 0 };
        boolean[] more = { true, true, false, false };
        for (int page = 0; page < sizes.length; page++) {
            Page<Match> p = await(client.search(ana, new MatchQuery(null, "football", null, null, page, 10)));
            assertEquals(25, p.total(), "page " + page);
            assertEquals(page, p.page());
            assertEquals(10, p.size());
            assertEquals(sizes[page], p.items().size(), "page " + page);
            assertEquals(more[page], p.hasNext(), "page " + page);
            p.items().forEach(m -> seen.add(m.id()));
        }
        assertEquals(25, new HashSet<>(seen).size(), "no match on two pages");
        assertEquals(new HashSet<>(created), new HashSet<>(seen), "every match on some page");
        List<String> latestFirst = new ArrayList<>(created.reversed());
        assertEquals(latestFirst, seen, "the latest start first, the same order on every page");
    }
}
