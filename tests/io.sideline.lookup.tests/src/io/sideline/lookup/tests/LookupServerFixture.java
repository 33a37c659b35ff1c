package io.sideline.lookup.tests;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.sideline.lookup.LookupException;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.testing.MutableClock;

/** A real lookup server on an ephemeral loopback port, with a real client, for one test. */
final class LookupServerFixture implements AutoCloseable {

    static final String PASSWORD = "correct horse battery";

    final Path dataDir;
    final MutableClock clock;
    final List<String> log = new CopyOnWriteArrayList<>();
    private final java.util.function.Consumer<LookupServerConfig.Builder> tweak;
    LookupServer server;
    LookupClient client;

    LookupServerFixture(Path dataDir) throws Exception {
        this(dataDir, new MutableClock(Instant.parse("2021-06-11T17:00:00Z")), b -> { });
    }

    LookupServerFixture(Path dataDir, MutableClock clock, java.util.function.Consumer<LookupServerConfig.Builder> tweak)
            throws Exception {
        this.dataDir = dataDir;
        this.clock = clock;
        this.tweak = tweak;
        server = LookupServer.start(config());
        client = LookupClient.create(server.uri());
    }

    /** @return the configuration the fixture's servers run with */
    LookupServerConfig config() {
        // the tests' hosts are on loopback: a test of the public-only rule says so in its tweak
        LookupServerConfig.Builder b = LookupServerConfig.builder().port(0).dataDir(dataDir).clock(clock).log(log::add)
                .localNetwork(true);
        tweak.accept(b);
        return b.build();
    }

    /** stops the server and starts a new one on the same data directory, with the same configuration */
    void restart() throws Exception {
        close();
        server = LookupServer.start(config());
        client = LookupClient.create(server.uri());
    }

    static MatchDraft turkeyItaly(String hostUrl) {
        return new MatchDraft("Turkey – Italy, UEFA Euro 2020", "football", List.of("Turkey", "Italy"),
                Instant.parse("2021-06-11T19:00:00Z"), new QuorumPolicy(2, 0.5), hostUrl);
    }

    /** @return the future's value, or the LookupException it failed with, thrown */
    static <T> T await(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LookupException l) {
                throw l;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
