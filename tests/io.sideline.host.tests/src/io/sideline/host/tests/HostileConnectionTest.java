package io.sideline.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * Connections that hold a socket without identifying, or hold too many: a connection must identify within the
 * hello deadline whatever else it sends; a binary frame or a stream of pings closes it; one address and one user
 * hold at most their share of connections, and an honest peer from elsewhere still gets in.
 */
class HostileConnectionTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben", "cid");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aConnectionThatOnlyPingsIsClosedAtTheHelloDeadline() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.helloTimeout(Duration.ofSeconds(1)));
        RawWebSocket ws = f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024));
        List<String> texts = new ArrayList<>();
        RawWebSocket.Frame close = null;
        // a ping every 200 ms, each answered: the idle timeout never strikes; up to 150 of them, far past the deadline
        for (int i = 0; i < 150 && close == null; i++) {
            try {
                ws.send(RawWebSocket.PING, "still here".getBytes(StandardCharsets.UTF_8));
            } catch (IOException cut) {
                break;
            }
            close = untilPongOrClose(ws, texts);
            Thread.sleep(200);
        }
        assertNotNull(close, "the host closed the connection that never said hello; it sent " + texts);
        assertEquals(1008, close.closeStatus());
        assertTrue(close.closeReason().contains("no hello"), close.closeReason());
        assertTrue(texts.stream().anyMatch(t -> t.contains("\"not_identified\"") && t.contains("no hello")),
                "and said why in an error: " + texts);
    }

    @Test
    void aBinaryFrameClosesTheConnectionWith1003() throws Exception {
        f = HostFixture.start(lookup, journal, b -> { });
        RawWebSocket stranger = f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024));
        stranger.send(RawWebSocket.BINARY, new byte[] { 1, 2, 3 });
        RawWebSocket.Frame close = untilPongOrClose(stranger, new ArrayList<>());
        assertNotNull(close);
        assertEquals(1003, close.closeStatus());
        assertEquals("unsupported data: Sideline speaks JSON text frames", close.closeReason());

        // an identified peer too
        RawWebSocket peer = f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024));
        peer.sendText(Wire.hello(f.token("ben"), 0));
        assertTrue(peer.readFrame().text().contains("\"setup\""));
        peer.send(RawWebSocket.BINARY, "{\"type\": \"hello\"}".getBytes(StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        close = untilPongOrClose(peer, texts);
        assertNotNull(close);
        assertEquals(1003, close.closeStatus());
        assertTrue(texts.stream().anyMatch(t -> t.contains("JSON text frames")), "and said why: " + texts);
    }

    @Test
    void aStreamOfPingsClosesTheConnection() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.pingLimit(5));
        RawWebSocket ws = f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024));
        for (int i = 0; i < 10; i++) {
            ws.send(RawWebSocket.PING, new byte[] { (byte) i });
        }
        List<String> texts = new ArrayList<>();
        RawWebSocket.Frame close = null;
        for (int i = 0; i < 10 && close == null; i++) {
            close = untilPongOrClose(ws, texts);
        }
        assertNotNull(close, "closed after its fifth ping in 10 s");
        assertEquals(1008, close.closeStatus());
        assertTrue(close.closeReason().contains("too many pings"), close.closeReason());
    }

    @Test
    void connectionsBeyondTheAddressLimitAreRefusedWhileAnotherAddressJoins() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.connectionLimits(4, 8));
        InetAddress first = InetAddress.getByName("127.0.0.1");
        List<RawWebSocket> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024, first)));
        }
        IOException refused = assertThrows(IOException.class,
                () -> f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024, first)));
        assertTrue(refused.getMessage().contains("429"), refused.getMessage());

        Peer honest = f.closeAtEnd(new Peer(f.host().uri(), InetAddress.getByName("127.0.0.2")));
        honest.send(Wire.hello(f.token("ben"), 0));
        assertEquals(0, honest.next(Setup.class).lastSeq(), "a peer from another address joins");

        held.get(0).close(); // a slot of the first address is free again once the host sees the socket go
        Await.until("the first address connects again", () -> {
            try {
                f.closeAtEnd(RawWebSocket.connect(f.host().uri(), 64 * 1024, first));
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void oneUserHoldsAtMostItsConnections() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.connectionLimits(64, 3));
        List<Peer> ana = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ana.add(Peer.join(f, "ana"));
        }
        Peer fourth = Peer.connect(f);
        fourth.send(Wire.hello(lookup.joinToken("ana", f.match.id()), 0)); // another token of the same user
        assertEquals(1008, fourth.awaitClose());
        assertTrue(fourth.received(Setup.class).isEmpty(), String.valueOf(fourth.texts()));
        List<ErrorMessage> errors = fourth.errors("rate_limited");
        assertEquals(1, errors.size(), String.valueOf(fourth.texts()));
        assertTrue(errors.get(0).message().contains("ana holds 3 connections"), errors.get(0).message());

        Peer.join(f, "ben"); // another user is not held back
        for (Peer p : ana) {
            assertFalse(p.closed.isDone(), "the first three stay");
        }
        ana.get(0).close();
        Await.until("ana connects again once one of hers is gone", () -> joins(f, "ana"));
    }

    /** @return whether the user's hello is answered with the setup (not refused) */
    private static boolean joins(HostFixture f, String user) {
        try {
            Peer p = Peer.connect(f);
            p.send(Wire.hello(f.token(user), 0));
            long end = System.nanoTime() + Peer.WAIT.toNanos();
            while (System.nanoTime() < end) {
                if (!p.received(Setup.class).isEmpty()) {
                    return true;
                }
                if (p.closed.isDone()) {
                    return false;
                }
                Thread.sleep(10);
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** reads until a pong (then {@code null}) or a close frame (returned), collecting the texts on the way */
    private static RawWebSocket.Frame untilPongOrClose(RawWebSocket ws, List<String> texts) throws IOException {
        while (true) {
            RawWebSocket.Frame frame = ws.readFrame();
            if (frame == null) {
                return null;
            }
            switch (frame.opcode()) {
                case RawWebSocket.CLOSE -> {
                    return frame;
                }
                case RawWebSocket.PONG -> {
                    return null;
                }
                case RawWebSocket.TEXT -> texts.add(frame.text());
                default -> {
                    // nothing else is expected
                }
            }
        }
    }
}
