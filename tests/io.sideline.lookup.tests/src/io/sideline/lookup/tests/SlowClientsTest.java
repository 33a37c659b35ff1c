package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.server.internal.SlowClientGuard;
import io.sideline.testing.MutableClock;

/**
 * Slow clients cannot tie the lookup server up (issue 13): many connections from one address trickling a
 * request body hold no thread, so another address is answered meanwhile; the slow ones are answered 408 and
 * closed, those beyond the connection limit of an address 429; a connection that never finishes its
 * request headers is answered 408 and closed too.
 */
class SlowClientsTest {

    private static final int SLOW = 80;

    @TempDir
    Path data;

    /** @return a connection from {@code local} that has sent headers promising 1000 bytes of body, and one byte */
    private static Socket slowBody(int port, String local) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        s.setSoTimeout(60_000); // a safety net: the server answers within seconds
        s.getOutputStream().write(("POST /v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** @return everything the server sent until it closed the connection */
    private static String answer(Socket s) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer: the answer counts
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slowBodiesFromOneAddressHoldNoThreadAndAreAnswered408Or429AndClosed() throws Exception {
        try (LookupServerFixture lookup = new LookupServerFixture(data,
                new MutableClock(Instant.parse("2021-06-11T17:00:00Z")), b -> b.requestLimit(0, 0));
                RawHttp other = new RawHttp(lookup.server.uri(), InetAddress.getByName("127.0.0.2"))) {
            int port = lookup.server.port();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW; i++) {
                    slow.add(slowBody(port, "127.0.0.1"));
                }
                HttpResponse<String> health = other.get("/v1/health", null);
                assertEquals(200, health.statusCode(), "another address is answered while " + SLOW + " bodies trickle");
                RawHttp.ok(other.post("/v1/users", null, "{\"user\":\"quick\",\"password\":\"" + PASSWORD + "\"}"), 201);

                int timedOut = 0;
                int tooMany = 0;
                for (Socket s : slow) {
                    String a = answer(s);
                    if (a.startsWith("HTTP/1.1 408 ")) {
                        assertTrue(a.contains("did not arrive within " + SlowClientGuard.BODY_SECONDS + " s"), a);
                        timedOut++;
                    } else if (a.startsWith("HTTP/1.1 429 ")) {
                        assertTrue(a.contains("Retry-After: "), a);
                        assertTrue(a.contains("connections from 127.0.0.1"), a);
                        tooMany++;
                    } else {
                        throw new AssertionError("a slow body is answered 408 or 429, not: " + a);
                    }
                }
                assertTrue(tooMany >= SLOW - SlowClientGuard.CONNECTIONS_PER_ADDRESS, tooMany + " refused as too many");
                assertTrue(timedOut > 0, "the others waited for their bodies, then were answered 408");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
            assertEquals(200, other.get("/v1/health", null).statusCode(), "and the server still answers");
        }
    }

    @Test
    void aConnectionThatNeverFinishesItsHeadersIsAnswered408AndClosed() throws Exception {
        try (LookupServerFixture lookup = new LookupServerFixture(data,
                new MutableClock(Instant.parse("2021-06-11T17:00:00Z")), b -> b.requestLimit(0, 0));
                Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.3"), 0));
            s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), lookup.server.port()));
            s.setSoTimeout(60_000);
            s.getOutputStream().write("GET /v1/health HTTP/1.1\r\nHost: 127.0".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String a = answer(s);
            assertTrue(a.startsWith("HTTP/1.1 408 "), a);
            assertTrue(a.contains("no request arrived within " + SlowClientGuard.HEADER_SECONDS + " s"), a);
        }
    }
}
