package io.sideline.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

import io.sideline.host.HostedMatch;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;

/**
 * A lookup server started in this process, with a client of it: the one way Sideline runs "a lookup server
 * here, users on it, a match hosted here" (the workbench's local match, {@code ./sideline replay}, the
 * benchmark's server). Closing it closes the client and stops the server; the data folder stays.
 */
public final class LocalLookup implements AutoCloseable {

    private final LookupServer server;
    private final LookupClient client;

    private LocalLookup(LookupServer server, LookupClient client) {
        this.server = server;
        this.client = client;
    }

    /**
     * Starts a lookup server on a free loopback port, its database in {@code dataDir}.
     *
     * @param dataDir where the lookup server keeps its database
     */
    public static LocalLookup start(Path dataDir) throws Exception {
        return start(loopback(dataDir).build());
    }

    /**
     * Starts a lookup server as configured: {@link #loopback(Path)} gives the usual settings to adjust.
     *
     * @param config the server's settings
     */
    public static LocalLookup start(LookupServerConfig config) throws Exception {
        LookupServer server = LookupServer.start(config);
        return new LocalLookup(server, LookupClient.create(server.uri()));
    }

    /**
     * @param dataDir where the lookup server keeps its database
     * @return the settings of a local lookup server: a free port on 127.0.0.1, the database in {@code dataDir};
     *         every user and host is on this machine, so no limit on registrations per address or on matches per
     *         user, and hosts on loopback addresses are accepted
     */
    public static LookupServerConfig.Builder loopback(Path dataDir) {
        return LookupServerConfig.builder().bindHost("127.0.0.1").port(0).dataDir(Objects.requireNonNull(dataDir))
                .registrationLimit(0, LookupServerConfig.DEFAULT_REGISTRATION_WINDOW).matchQuota(0, 0).localNetwork(true);
    }

    /** @return the lookup server's address, for other peers on this machine */
    public URI uri() {
        return server.uri();
    }

    /** @return the client this process uses to talk to the server */
    public LookupClient client() {
        return client;
    }

    /**
     * Registers a user when it does not exist yet, and identifies it.
     *
     * @return the user's session
     * @throws LookupException when the user exists with another password, or the server refuses
     */
    public Session user(String name, String password) throws LookupException, InterruptedException {
        return LookupClient.await(client.signIn(name, password, true), "sign in as " + name);
    }

    /**
     * @param owner    the session of the user who hosts the match
     * @param journals where the host keeps its journals
     * @return a builder for a match hosted in this process on the loopback interface, registered here
     */
    public HostedMatch.Builder host(Session owner, Path journals) {
        return HostedMatch.with(client, owner).bindHost("127.0.0.1").port(0).dataDir(journals);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
