package io.sideline.lookup.server;

import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.internal.LookupJson;
import io.sideline.lookup.server.internal.HttpApi;
import io.sideline.lookup.server.internal.LookupService;
import io.sideline.lookup.server.internal.SlowClientGuard;
import io.sideline.lookup.server.internal.Throttle;
import io.sideline.lookup.server.internal.store.JdbcLookupStore;
import io.sideline.lookup.server.internal.store.LookupStore;

/** A running lookup server. Close it to stop: it finishes the requests in flight and closes its database. */
public final class LookupServer implements AutoCloseable {

    private final Server jetty;
    private final LookupStore store;
    private final ScheduledExecutorService housekeeping;
    private final URI uri;

    private LookupServer(Server jetty, LookupStore store, ScheduledExecutorService housekeeping, URI uri) {
        this.jetty = jetty;
        this.store = store;
        this.housekeeping = housekeeping;
        this.uri = uri;
    }

    /**
     * Opens the database (creating or migrating its schema) and starts serving.
     *
     * @return the running server
     * @throws Exception when the database cannot be opened or the port cannot be bound; the message says which
     */
    public static LookupServer start(LookupServerConfig config) throws Exception {
        String url = config.jdbcUrl();
        if (url == null) {
            Files.createDirectories(config.dataDir());
            url = JdbcLookupStore.h2Url(config.dataDir());
        }
        LookupStore store = JdbcLookupStore.open(url, config.jdbcUser(), config.jdbcPassword());
        try {
            Throttle throttle = new Throttle(config.clock(), config.requestsPerSecond(), config.requestBurst(),
                    config.maxLoginFailures(), config.loginFailureWindow());
            LookupService service = new LookupService(store, throttle, config);

            QueuedThreadPool threads = new QueuedThreadPool(64, 8);
            threads.setName("lookup");
            Server jetty = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
            connector.setHost(config.bindHost());
            connector.setPort(config.port());
            // longer than clients keep idle connections (the JDK's client: 30 s), so that the client, not the
            // server, closes an idle one, and no request goes out on a connection the server is just closing
            connector.setIdleTimeout(65_000);
            jetty.addConnector(connector);
            // bodies are read without holding a thread; slow ones and too many connections per address are refused
            SlowClientGuard guard = new SlowClientGuard(new HttpApi(service, throttle, config.clock(), config.log()),
                    config.clock(), config.log());
            connector.addEventListener(guard.connectionListener());
            jetty.setHandler(guard);
            jetty.setErrorHandler((request, response, callback) -> {
                // errors Jetty itself answers (a broken request line, say) are JSON too
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                Content.Sink.write(response, true, LookupJson.write(LookupJson.error(LookupError.BAD_REQUEST.code(),
                        "the server could not read that HTTP request (status " + response.getStatus() + ")", null)), callback);
                return true;
            });
            jetty.setStopTimeout(5_000);
            try {
                jetty.start();
            } catch (Exception e) {
                jetty.stop();
                throw new IllegalStateException("cannot listen on " + config.bindHost() + ":" + config.port() + ": "
                        + e.getMessage(), e);
            }
            String host = config.bindHost().equals("0.0.0.0") ? "127.0.0.1" : config.bindHost();
            URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort());

            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lookup-housekeeping");
                t.setDaemon(true);
                return t;
            });
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    service.purgeExpired();
                } catch (RuntimeException e) {
                    config.log().accept("error: purging expired tokens failed: " + e.getMessage());
                }
                try {
                    store.maintain();
                } catch (RuntimeException e) {
                    config.log().accept("error: " + e.getMessage());
                }
            }, 10, 10, TimeUnit.MINUTES);
            return new LookupServer(jetty, store, housekeeping, uri);
        } catch (Exception e) {
            store.close();
            throw e;
        }
    }

    /** @return the server's base URL, for example {@code http://127.0.0.1:8080} */
    public URI uri() {
        return uri;
    }

    /** @return the port it listens on */
    public int port() {
        return uri.getPort();
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping anyway
        } finally {
            store.close();
        }
    }
}
