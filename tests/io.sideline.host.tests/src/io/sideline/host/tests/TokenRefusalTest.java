package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sideline.host.TokenVerifier;
import io.sideline.host.internal.LookupTokenVerifier;
import io.sideline.lookup.Match;
import io.sideline.lookup.Session;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;
import io.sideline.testing.MutableClock;

/**
 * Only holders of a join token the lookup server issued for this match, and that has not expired, take
 * part. Everyone else is told why, in the error's code, and disconnected, and never sees the match.
 */
class TokenRefusalTest {

    /** the WebSocket close code for a policy violation */
    static final int POLICY_VIOLATION = 1008;

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;
    /** the lookup server's clock: tokens expire without waiting */
    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, CLOCK, b -> b.joinTokenTtl(Duration.ofHours(4)), "ana", "ben");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @BeforeEach
    void host() throws Exception {
        f = HostFixture.start(lookup, journal, b -> { });
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aForgedTokenInAHelloIsABadTokenAndTheConnectionIsClosed() throws Exception {
        Peer mallory = Peer.connect(f);
        mallory.send(Wire.hello(forged(), 0));
        assertRefused(mallory, "bad_token");
    }

    @Test
    void aForgedTokenInASeedReportIsABadTokenAndTheReportDoesNotCount() throws Exception {
        Peer mallory = Peer.connect(f);
        mallory.send(Wire.seedReport(forged(), "Goal", "Italy", at(1)));
        assertRefused(mallory, "bad_token"); // and with k = 1 its report would have been seq 1: it is not
    }

    @Test
    void aTokenForAnotherMatchIsABadToken() throws Exception {
        Match other = lookup.createMatch("ana");
        String otherToken = lookup.joinToken("ben", other.id());
        Peer ben = Peer.connect(f);
        ben.send(Wire.hello(otherToken, 0));
        ErrorMessage e = assertRefused(ben, "bad_token");
        assertTrue(e.message().contains("another match"), "the message says why: " + e.message());
    }

    @Test
    void anExpiredTokenIsTokenExpired() throws Exception {
        String token = lookup.joinToken("ben", f.match.id());
        CLOCK.advance(Duration.ofHours(4).plusMinutes(1));
        Peer ben = Peer.connect(f);
        ben.send(Wire.hello(token, 0));
        ErrorMessage e = assertRefused(ben, "token_expired");
        assertTrue(e.message().contains("expired"), "the message says why: " + e.message());
    }

    @Test
    void aTokenRevokedByLogoutIsRefusedToNewConnectionsOnceTheHostsAnswerIsHalfAMinuteOld(@TempDir Path own)
            throws Exception {
        // a host whose verifier reads the test's clock, so that half a minute passes without waiting for it
        AtomicReference<TokenVerifier> verifier = new AtomicReference<>();
        try (HostFixture g = HostFixture.start(lookup, own, b -> b.verifier(t -> verifier.get().verify(t)))) {
            verifier.set(TokenVerifier.lookup(lookup.client, () -> lookup.session("ana"), g.match.id(), CLOCK));
            Session ben = lookup.client.identify("ben", LookupFixture.PASSWORD).get();
            String token = lookup.client.join(ben, g.match.id()).get().token();
            Peer before = g.closeAtEnd(Peer.connect(g));
            before.send(Wire.hello(token, 0));
            before.next(Setup.class);

            lookup.client.logout(ben).get();
            CLOCK.advance(LookupTokenVerifier.REMEMBER);
            Peer after = Peer.connect(g);
            after.send(Wire.hello(token, 0));
            ErrorMessage e = after.next(ErrorMessage.class);
            assertEquals("bad_token", e.code(), "the refusal's code: " + e);
            assertTrue(e.message().contains("revoked") && e.message().contains("logged out"), e.message());
            assertEquals(POLICY_VIOLATION, after.awaitClose());
        }
    }

    @ParameterizedTest(name = "{0} first")
    @ValueSource(strings = { "heartbeat", "correction", "accepted" })
    void aFirstMessageThatIsNeitherHelloNorReportIsNotIdentifiedAndClosed(String kind) throws Exception {
        String token = f.token("ben");
        String first = switch (kind) {
            case "heartbeat" -> "{\"type\": \"heartbeat\", \"time\": " + Instant.now().toEpochMilli() + "}";
            case "correction" -> "{\"type\": \"correction\", \"time\": " + Instant.now().toEpochMilli() + ", \"token\": \""
                    + token + "\", \"target\": \"e1\", \"action\": \"retract\"}";
            default -> "{\"type\": \"accepted\", \"time\": 1623441120000, \"id\": \"e1\", \"seq\": 1, \"version\": 1,"
                    + " \"status\": \"accepted\", \"event\": {\"type\": \"event\", \"title\": \"Goal\", \"origin\": \"Italy\","
                    + " \"time\": 1623441120000}, \"votes\": 2, \"confidence\": 1.0}";
        };
        Peer ben = Peer.connect(f);
        ben.send(first);
        assertRefused(ben, "not_identified");
    }

    @Test
    void aReportCarryingAnotherTokenThanItsConnectionsIsABadTokenAndClosed() throws Exception {
        Peer ben = Peer.join(f, "ben");
        Peer ana = Peer.join(f, "ana");
        ana.send(Wire.with(Wire.report(f.token("ben"), "Goal", "Italy", at(1)), "ref", "r7"));
        ErrorMessage e = ana.next(ErrorMessage.class);
        assertEquals("bad_token", e.code());
        assertEquals("token", e.field());
        assertEquals("r7", e.ref());
        assertEquals(POLICY_VIOLATION, ana.awaitClose(),
                "bad_token closes the connection, as the protocol says");

        Peer.report(f, ben, "ben", "Corner", "Turkey", at(9));
        assertEquals(1, ben.next(Accepted.class).seq(), "the report under ben's token, sent on ana's connection, made no event");
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "ben hears nothing of it");
    }

    /**
     * Asserts the peer got exactly the refusal with this code, then was disconnected, and that it saw nothing
     * of the match while a legitimate peer's event was accepted.
     */
    private ErrorMessage assertRefused(Peer refused, String code) throws Exception {
        ErrorMessage e = refused.next(ErrorMessage.class);
        assertEquals(code, e.code(), "the refusal's code: " + e);
        int status = refused.awaitClose();
        assertEquals(POLICY_VIOLATION, status, "the host closes the connection after the refusal");

        Peer ana = Peer.join(f, "ana");
        Peer.report(f, ana, "ana", "Corner", "Turkey", at(9));
        Accepted a = ana.next(Accepted.class);
        assertEquals(1, a.seq(), "the refused peer's messages produced no event");
        assertTrue(refused.received(Setup.class).isEmpty(), "a refused peer never receives the setup");
        assertTrue(refused.received(Accepted.class).isEmpty(), "a refused peer never receives an event");
        assertEquals(1, refused.received(ErrorMessage.class).size(), "one error, nothing else: " + refused.texts());
        return e;
    }

    private static String forged() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
