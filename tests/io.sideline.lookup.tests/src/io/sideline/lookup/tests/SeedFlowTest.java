package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.Page;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;

/**
 * The original design's client–server half, over real HTTP: identify, search (miss), create, search
 * (hit), join, and the host checking the join token.
 */
class SeedFlowTest {

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
    void registerIdentifySearchCreateSearchJoinAndCheckTheToken() throws Exception {
        var client = lookup.client;
        assertEquals("ana", await(client.register("ana", PASSWORD)));
        Session ana = await(client.identify("ana", PASSWORD));
        assertEquals("ana", ana.user());
        assertTrue(ana.token().length() >= 43, "a session token carries at least 256 bits");

        Page<Match> miss = await(client.search(ana, MatchQuery.text("Turkey Italy")));
        assertEquals(0, miss.total(), "no match yet");

        Match created = await(client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/match")));
        assertEquals("ana", created.owner(), "the creator owns and hosts the match");
        assertEquals(MatchState.SCHEDULED, created.state(), "two hours before kick-off");

        Page<Match> hit = await(client.search(ana, MatchQuery.text("italy TURKEY")));
        assertEquals(1, hit.total());
        assertEquals(created.id(), hit.items().get(0).id());
        assertEquals(created, await(client.match(ana, created.id())));

        await(client.register("ben", PASSWORD));
        Session ben = await(client.identify("ben", PASSWORD));
        JoinTicket ticket = await(client.join(ben, created.id()));
        assertEquals("ws://127.0.0.1:7070/match", ticket.hostUrl(), "the joiner is given the host's address");
        assertTrue(ticket.token().length() >= 43, "a join token carries at least 256 bits");

        TokenCheck check = await(client.checkToken(ana, created.id(), ticket.token()));
        assertTrue(check.active());
        assertEquals("ben", check.user(), "the token is bound to the user who joined");
        assertEquals(created.id(), check.matchId());
    }

    @Test
    void aJoinTokenIsWorthlessForAnotherMatchForgedOrExpired() throws Exception {
        var client = lookup.client;
        await(client.register("ana", PASSWORD));
        Session ana = await(client.identify("ana", PASSWORD));
        Match first = await(client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/a")));
        Match second = await(client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/b")));
        JoinTicket ticket = await(client.join(ana, first.id()));

        TokenCheck other = await(client.checkToken(ana, second.id(), ticket.token()));
        assertFalse(other.active());
        assertEquals(TokenCheck.OTHER_MATCH, other.reason());

        String forged = ticket.token().substring(0, ticket.token().length() - 2) + "AA";
        assertEquals(TokenCheck.UNKNOWN, await(client.checkToken(ana, first.id(), forged)).reason());

        // a signed token rewritten to name another user or a later expiry, its signature kept, is worthless
        String[] parts = ticket.token().split("\\.");
        assertEquals(3, parts.length, "j1.PAYLOAD.MAC: " + ticket.token());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.contains("\nana\n"), payload);
        for (String changed : List.of(payload.replace("\nana\n", "\nben\n"), payload.replaceFirst("\n(\\d+)\n", "\n9$1\n"))) {
            String rewritten = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
            assertEquals(TokenCheck.UNKNOWN, await(client.checkToken(ana, first.id(), rewritten)).reason(), changed);
        }

        lookup.clock.advance(Duration.ofHours(4).plusSeconds(1));
        Session fresh = await(client.identify("ana", PASSWORD));
        assertEquals(TokenCheck.EXPIRED, await(client.checkToken(fresh, first.id(), ticket.token())).reason());
    }

    @Test
    void onlyTheHostMayCheckTokensForItsMatch() throws Exception {
        var client = lookup.client;
        await(client.register("ana", PASSWORD));
        await(client.register("eve", PASSWORD));
        Session ana = await(client.identify("ana", PASSWORD));
        Session eve = await(client.identify("eve", PASSWORD));
        Match match = await(client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/a")));
        JoinTicket ticket = await(client.join(ana, match.id()));

        LookupException e = assertThrows(LookupException.class, () -> await(client.checkToken(eve, match.id(), ticket.token())));
        assertTrue(e.is(LookupError.FORBIDDEN), e.code());
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("only the host"), e.getMessage());
    }

    @Test
    void everyRequestIsLoggedWithoutSecrets() throws Exception {
        await(lookup.client.register("ana", PASSWORD));
        Session ana = await(lookup.client.identify("ana", PASSWORD));

        assertTrue(lookup.log.stream().anyMatch(l -> l.contains("\"POST /v1/users\" 201")), lookup.log.toString());
        assertTrue(lookup.log.stream().anyMatch(l -> l.contains("\"POST /v1/sessions\" 201")), lookup.log.toString());
        assertTrue(lookup.log.stream().noneMatch(l -> l.contains(PASSWORD) || l.contains(ana.token())),
                "no password or token in the log");
    }
}
