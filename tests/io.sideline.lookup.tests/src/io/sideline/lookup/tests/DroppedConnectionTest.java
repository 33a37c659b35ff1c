package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.LookupServerFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;

/**
 * A connection that ends before the server answers (a kept-alive connection the server was just closing):
 * the client sends a harmless request once more and the user never sees the hiccup; it never repeats a
 * request that would do something twice, such as creating a match.
 */
class DroppedConnectionTest {

    @Test
    void aJoinWhoseConnectionDropsIsSentAgainAndSucceeds(@TempDir Path dir) throws Exception {
        try (LookupServerFixture f = new LookupServerFixture(dir); DroppingProxy proxy = new DroppingProxy(f.server.uri())) {
            await(f.client.register("ana", PASSWORD));
            Session ana = await(f.client.identify("ana", PASSWORD));
            Match match = await(f.client.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:9/match")));
            try (LookupClient viaProxy = LookupClient.create(proxy.uri())) {
                proxy.dropNext.set(1);
                JoinTicket ticket = await(viaProxy.join(ana, match.id()));
                assertEquals("ws://127.0.0.1:9/match", ticket.hostUrl());
                assertEquals(2, proxy.connections.get(), "the join went out a second time, on a new connection");
            }
        }
    }

    @Test
    void aCreateWhoseConnectionDropsIsNotRepeated(@TempDir Path dir) throws Exception {
        try (LookupServerFixture f = new LookupServerFixture(dir); DroppingProxy proxy = new DroppingProxy(f.server.uri())) {
            await(f.client.register("ana", PASSWORD));
            Session ana = await(f.client.identify("ana", PASSWORD));
            try (LookupClient viaProxy = LookupClient.create(proxy.uri())) {
                proxy.dropNext.set(1);
                LookupException e = assertThrows(LookupException.class,
                        () -> await(viaProxy.create(ana, LookupServerFixture.turkeyItaly("ws://127.0.0.1:9/match"))));
                assertEquals(LookupError.UNREACHABLE.code(), e.code());
                assertTrue(e.getMessage().startsWith("cannot reach the lookup server at " + proxy.uri()), e.getMessage());
                assertEquals(1, proxy.connections.get(), "a create is never sent twice");
                assertEquals(0, await(f.client.search(ana, MatchQuery.all())).items().size(), "no match was made");
            }
        }
    }

    /** Forwards to the server, except that it reads and then drops the next {@code dropNext} connections. */
    private static final class DroppingProxy implements AutoCloseable {
        final AtomicInteger dropNext = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket socket;
        private final URI target;

        DroppingProxy(URI target) throws IOException {
            this.target = target;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "dropping-proxy");
            accept.setDaemon(true);
            accept.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    connections.incrementAndGet();
                    if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        client.getInputStream().read(new byte[65536]); // the request went out...
                        client.close(); // ...and the connection ended before any answer
                        continue;
                    }
                    Socket server = new Socket(target.getHost(), target.getPort());
                    pipe(client.getInputStream(), server.getOutputStream());
                    pipe(server.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                try (in; out) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                }
            }, "dropping-proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
