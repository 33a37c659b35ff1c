package io.sideline.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.sport.football.Football;

/**
 * A real lookup server on an ephemeral loopback port with a real H2 data directory, and users who are
 * identified with it. One per test class: password hashing is deliberately slow. The first user owns
 * (hosts) the matches. Shared by the test bundles that need a lookup server beside what they test.
 */
public final class LookupFixture implements AutoCloseable {

    /** every fixture user's password */
    public static final String PASSWORD = "correct horse battery";

    /** the running server */
    public final LookupServer server;
    /** a client of it */
    public final LookupClient client;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private LookupFixture(LookupServer server, LookupClient client) {
        this.server = server;
        this.client = client;
    }

    /** starts a lookup server on the system clock with these users, registered and identified */
    public static LookupFixture start(Path dataDir, String... users) throws Exception {
        return start(dataDir, Clock.systemUTC(), b -> { }, users);
    }

    /** starts a lookup server on this clock, configured further by {@code tweak}, with these users */
    public static LookupFixture start(Path dataDir, Clock clock, Consumer<LookupServerConfig.Builder> tweak, String... users)
            throws Exception {
        // every user and host is on loopback, and a test class may host many matches: no quotas unless tweak sets them
        LookupServerConfig.Builder b = LookupServerConfig.builder().port(0).dataDir(dataDir).clock(clock)
                .registrationLimit(0, LookupServerConfig.DEFAULT_REGISTRATION_WINDOW).matchQuota(0, 0).localNetwork(true);
        tweak.accept(b);
        LookupServer server = LookupServer.start(b.build());
        LookupFixture f = new LookupFixture(server, LookupClient.create(server.uri()));
        try {
            List<CompletableFuture<Session>> identified = new ArrayList<>();
            for (String user : users) {
                identified.add(f.client.register(user, PASSWORD).thenCompose(u -> f.client.identify(user, PASSWORD)));
            }
            for (CompletableFuture<Session> s : identified) {
                Session session = s.get();
                f.sessions.put(session.user(), session);
            }
        } catch (Exception e) {
            f.close();
            throw e;
        }
        return f;
    }

    /** @return the session of a fixture user */
    public Session session(String user) {
        Session s = sessions.get(user);
        if (s == null) {
            throw new IllegalArgumentException("no user " + user + " in this fixture");
        }
        return s;
    }

    /** @return a new match of Turkey and Italy, owned and hosted by {@code owner} */
    public Match createMatch(String owner) throws Exception {
        return client.create(session(owner), new MatchDraft("Turkey – Italy", Football.ID, List.of("Turkey", "Italy"),
                Instant.parse("2021-06-11T19:00:00Z"), QuorumPolicy.DEFAULT, "ws://127.0.0.1:1/match")).get();
    }

    /** @return a fresh join token of a user for a match */
    public String joinToken(String user, String matchId) throws Exception {
        return client.join(session(user), matchId).get().token();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
