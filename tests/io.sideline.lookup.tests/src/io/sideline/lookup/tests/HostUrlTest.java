package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.Session;
import io.sideline.protocol.ProtocolError;
import io.sideline.testing.MutableClock;

/**
 * A public lookup server sends joiners only to public hosts: a {@code hostUrl} naming a loopback, private,
 * link-local, multicast or reserved address, or a local name, is refused, when a match is registered and when a
 * heartbeat moves it; a user name or password in it is refused always. A server for a local network accepts the
 * local ones.
 */
class HostUrlTest {

    @TempDir
    static Path publicData;
    @TempDir
    static Path localData;
    static LookupServerFixture publicServer;
    static LookupServerFixture localServer;
    static Session publicAna;
    static Session localAna;
    static Match publicMatch;

    @BeforeAll
    static void start() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2021-06-11T17:00:00Z"));
        publicServer = new LookupServerFixture(publicData, clock, b -> b.localNetwork(false).matchQuota(0, 0));
        localServer = new LookupServerFixture(localData, clock, b -> b.localNetwork(true).matchQuota(0, 0));
        for (LookupServerFixture f : List.of(publicServer, localServer)) {
            await(f.client.register("ana", PASSWORD));
        }
        publicAna = await(publicServer.client.identify("ana", PASSWORD));
        localAna = await(localServer.client.identify("ana", PASSWORD));
        publicMatch = await(publicServer.client.create(publicAna,
                LookupServerFixture.turkeyItaly("ws://192.0.2.10:7070/match")));
    }

    @AfterAll
    static void stop() {
        publicServer.close();
        localServer.close();
    }

    private static void assertRefusedAsHostUrl(LookupException e, String url) {
        assertEquals(ProtocolError.INVALID_VALUE.code(), e.code(), url + ": " + e.getMessage());
        assertEquals(400, e.status());
        assertEquals("hostUrl", e.field(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ws://169.254.169.254/latest/meta-data", "ws://[::1]:6379/", "ws://127.0.0.1:7070/match",
            "ws://127.1.2.3/", "ws://10.0.0.5:7070/", "ws://172.16.0.1/", "ws://192.168.1.10:7070/", "ws://100.64.0.1/",
            "ws://0.0.0.0:7070/", "ws://224.0.0.1/", "ws://255.255.255.255/", "ws://[::]/", "ws://[fe80::1]/",
            "ws://[fc00::1]/", "ws://[fd12:3456::1]/", "ws://[ff02::1]/", "ws://[::ffff:127.0.0.1]/",
            "ws://[::ffff:169.254.169.254]:80/", "ws://[64:ff9b::a9fe:a9fe]/", "ws://[2002:7f00:1::]/",
            "ws://localhost:7070/", "wss://LOCALHOST./", "ws://match.localhost/", "ws://redis:6379/",
            "ws://printer.local/", "ws://metadata.google.internal/", "ws://nas.home.arpa/",
            "ws://user:pass@sideline.example.org/match", "ws://ana@192.0.2.10:7070/match", "ws://0177.0.0.1/" })
    void aPublicServerRefusesALocalOrCredentialCarryingHostUrl(String url) throws Exception {
        LookupException created = assertThrows(LookupException.class,
                () -> await(publicServer.client.create(publicAna, LookupServerFixture.turkeyItaly(url))));
        assertRefusedAsHostUrl(created, url);
        LookupException moved = assertThrows(LookupException.class,
                () -> await(publicServer.client.heartbeat(publicAna, publicMatch.id(), url)));
        assertRefusedAsHostUrl(moved, url);
        assertEquals("ws://192.0.2.10:7070/match", await(publicServer.client.match(publicAna, publicMatch.id())).hostUrl(),
                "the match keeps the address it had");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ws://192.0.2.10:7070/match", "wss://sideline.example.org/match/2", "ws://[2001:db8::10]:7070/",
            "ws://8.8.8.8/", "wss://host-1.sideline.example.org:443/m" })
    void aPublicServerAcceptsPublicAddressesAndNames(String url) throws Exception {
        assertEquals(url, await(publicServer.client.create(publicAna, LookupServerFixture.turkeyItaly(url))).hostUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ws://127.0.0.1:7070/match", "ws://[::1]:7070/", "ws://localhost:7070/", "ws://192.168.1.10/",
            "ws://raspberrypi:7070/", "ws://[fe80::1]/" })
    void aServerForALocalNetworkAcceptsLocalHosts(String url) throws Exception {
        Match m = await(localServer.client.create(localAna, LookupServerFixture.turkeyItaly(url)));
        assertEquals(url, m.hostUrl());
        await(localServer.client.heartbeat(localAna, m.id(), url));
    }

    @Test
    void aServerForALocalNetworkStillRefusesAUserNameOrPassword() {
        LookupException e = assertThrows(LookupException.class, () -> await(localServer.client.create(localAna,
                LookupServerFixture.turkeyItaly("ws://user:pass@127.0.0.1:7070/"))));
        assertRefusedAsHostUrl(e, "user:pass@");
        assertTrue(e.getMessage().contains("user name or password"), e.getMessage());
    }

    @Test
    void theRefusalSaysWhyAndWhatToDo() {
        LookupException e = assertThrows(LookupException.class, () -> await(publicServer.client.create(publicAna,
                LookupServerFixture.turkeyItaly("ws://169.254.169.254/"))));
        assertTrue(e.getMessage().contains("169.254.169.254, a link-local address")
                && e.getMessage().contains("--local-network"), e.getMessage());
    }
}
