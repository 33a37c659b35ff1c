package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.testing.MutableClock;

/**
 * A join token has one spelling, and it lasts no longer than the session it was asked for: logout revokes it,
 * and the host asking about it is told so.
 */
class JoinTokenTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @TempDir
    Path data;
    LookupServerFixture lookup;
    Session ana;
    Match match;

    @BeforeEach
    void start() throws Exception {
        lookup = new LookupServerFixture(data, new MutableClock(Instant.parse("2021-06-11T17:00:00Z")),
                b -> b.sessionTtl(Duration.ofHours(12)).joinTokenTtl(Duration.ofHours(4)));
        await(lookup.client.register("ana", PASSWORD));
        await(lookup.client.register("ben", PASSWORD));
        ana = await(lookup.client.identify("ana", PASSWORD));
        match = await(lookup.client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:7070/a")));
    }

    @AfterEach
    void stop() {
        lookup.close();
    }

    private TokenCheck check(String token) throws Exception {
        return await(lookup.client.checkToken(ana, match.id(), token));
    }

    /** @return the same bytes with the unused low bits of the last character set otherwise */
    private static List<String> sameBytesOtherSpellings(String base64) {
        int unusedBits = (base64.length() * 6) % 8;
        List<String> out = new ArrayList<>();
        int last = ALPHABET.indexOf(base64.charAt(base64.length() - 1));
        for (int stray = 1; stray < 1 << unusedBits; stray++) {
            out.add(base64.substring(0, base64.length() - 1) + ALPHABET.charAt(last ^ stray));
        }
        return out;
    }

    @Test
    void aJoinTokenInAnyOtherSpellingIsUnknown() throws Exception {
        String token = await(lookup.client.join(ana, match.id())).token();
        assertTrue(check(token).active(), "the token as issued");
        int dot = token.lastIndexOf('.');
        String head = token.substring(0, dot + 1);
        String mac = token.substring(dot + 1);

        List<String> variants = new ArrayList<>();
        variants.add(token + "=");
        for (String other : sameBytesOtherSpellings(mac)) {
            assertArrayEquals(Base64.getUrlDecoder().decode(mac), Base64.getUrlDecoder().decode(other),
                    "the same bytes, spelled otherwise: " + other);
            variants.add(head + other);
        }
        assertFalse(variants.size() < 2, "a 32-byte MAC leaves unused bits in its last character: " + mac);
        for (String variant : variants) {
            TokenCheck c = check(variant);
            assertFalse(c.active(), variant);
            assertEquals(TokenCheck.UNKNOWN, c.reason(), variant);
        }
        assertTrue(check(token).active(), "the token as issued still works");
    }

    @Test
    void logoutRevokesTheJoinTokensOfThatSessionOnly() throws Exception {
        Session benHere = await(lookup.client.identify("ben", PASSWORD));
        Session benThere = await(lookup.client.identify("ben", PASSWORD));
        String here = await(lookup.client.join(benHere, match.id())).token();
        String there = await(lookup.client.join(benThere, match.id())).token();
        assertTrue(check(here).active());

        await(lookup.client.logout(benHere));
        TokenCheck revoked = check(here);
        assertFalse(revoked.active(), "logout revokes the session's join tokens");
        assertEquals(TokenCheck.REVOKED, revoked.reason());
        TokenCheck other = check(there);
        assertTrue(other.active(), "a token of ben's other session stays good: " + other.reason());
        assertEquals("ben", other.user());
    }

    @Test
    void aJoinTokenEndsWithItsSessionWhenThatIsSooner() throws Exception {
        Session ben = await(lookup.client.identify("ben", PASSWORD));
        lookup.clock.advance(Duration.ofHours(10)); // two hours of the session left, less than a token's four
        JoinTicket t = await(lookup.client.join(ben, match.id()));
        assertEquals(ben.expiresAt(), t.expiresAt());
        assertEquals(ben.expiresAt(), check(t.token()).expiresAt());
    }
}
