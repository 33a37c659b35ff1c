package io.sideline.local;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import io.sideline.host.HostedMatch;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.protocol.Lineups;
import io.sideline.sport.api.Sport;

/**
 * A match with no setup at all: a lookup server and a host in this process, on the loopback interface,
 * and a local user who owns the match. The workbench's "Local match" starts one, so a lone analyst can
 * report at once; everything is kept in a data folder, so the match can be reviewed afterwards.
 */
public final class LocalMatch implements AutoCloseable {

    /** the user a local match belongs to */
    public static final String USER = "local";

    private final LocalLookup lookup;
    private final Session session;
    private final HostedMatch hosted;

    private LocalMatch(LocalLookup lookup, Session session, HostedMatch hosted) {
        this.lookup = lookup;
        this.session = session;
        this.hosted = hosted;
    }

    /**
     * Starts a lookup server and a host, and registers a new match.
     *
     * @param dataDir where the lookup database, the local user's password and the journals live
     * @param sport   the match's sport
     * @param name    the match's name
     * @param teams   its teams, home first
     * @param quorum  when a report is accepted; {@link QuorumPolicy#SOLO} for one analyst
     * @param log     where to report what happens, one line each
     */
    public static LocalMatch start(Path dataDir, Sport sport, String name, List<String> teams, QuorumPolicy quorum,
            Consumer<String> log) throws Exception {
        return start(dataDir, sport, name, teams, quorum, Lineups.NONE, log);
    }

    /**
     * Starts a lookup server and a host, and registers a new match that starts with these line-ups.
     *
     * @param lineups the teams' players at kick-off; {@link Lineups#NONE} for none
     * @see #start(Path, Sport, String, List, QuorumPolicy, Consumer)
     */
    public static LocalMatch start(Path dataDir, Sport sport, String name, List<String> teams, QuorumPolicy quorum,
            Lineups lineups, Consumer<String> log) throws Exception {
        LocalLookup lookup = LocalLookup.start(dataDir.resolve("lookup"));
        try {
            String password = password(dataDir.resolve("lookup").resolve("local-user.secret"));
            Session session = lookup.user(USER, password);
            LookupClient client = lookup.client();
            HostedMatch hosted = lookup.host(session, dataDir.resolve("journals"))
                    .reidentify(() -> client.identify(USER, password)).log(log).lineups(lineups)
                    .create(name, sport, teams, Instant.now(), quorum);
            return new LocalMatch(lookup, session, hosted);
        } catch (Exception e) {
            lookup.close();
            throw e;
        }
    }

    /** the local user's password: made once, kept readable by this user only */
    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, password, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder is the user's own
        }
        return password;
    }

    /** @return the lookup server's address, for other peers on this machine */
    public URI lookupUri() {
        return lookup.uri();
    }

    /** @return the lookup server's client */
    public LookupClient client() {
        return lookup.client();
    }

    /** @return the local user's session */
    public Session session() {
        return session;
    }

    /** @return the hosted match */
    public HostedMatch hosted() {
        return hosted;
    }

    /** @return a join ticket for the local user: the host's address and a token */
    public JoinTicket join() throws Exception {
        return LookupClient.await(lookup.client().join(session, hosted.match().id()), "join the local match");
    }

    /** Stops the host, then the lookup server. The data folder keeps the match. */
    @Override
    public void close() {
        hosted.close();
        lookup.close();
    }
}
