package io.sideline.ui.internal.session;

import java.net.URI;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Page;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;

/**
 * The workbench's connection to a lookup server: the client and the user's session. Every method that
 * talks to the server blocks, so it is called from Jobs, never from the UI thread; the fields are read
 * from any thread.
 */
final class LookupConnection implements AutoCloseable {

    /** the client, its session and its URL, replaced together */
    private record Signed(LookupClient client, Session session, URI url) {
    }

    private volatile Signed signed;

    /**
     * Identifies with a lookup server (registering first when asked), replacing any earlier connection.
     * Blocks: call from a Job.
     */
    void connect(URI url, String user, String password, boolean register) throws Exception {
        LookupClient c = LookupClient.create(url);
        try {
            Session s = LookupClient.await(c.signIn(user, password, register),
                    (register ? "register or identify as " : "identify as ") + user);
            Signed old = signed;
            signed = new Signed(c, s, url);
            if (old != null) {
                old.client().close();
            }
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    /** @return the client and session; fails with a message a person can act on when not connected */
    private Signed require() {
        Signed s = signed;
        if (s == null) {
            throw new IllegalStateException("Connect to a lookup server first (File › Connect…)");
        }
        return s;
    }

    /** @return the matches a search finds. Blocks: call from a Job. */
    Page<Match> search(MatchQuery query) throws Exception {
        Signed s = require();
        return LookupClient.await(s.client().search(s.session(), query), "search for matches");
    }

    /** @return the match with this id. Blocks: call from a Job. */
    Match match(String matchId) throws Exception {
        Signed s = require();
        return LookupClient.await(s.client().match(s.session(), matchId), "look up the match");
    }

    /** @return a join ticket for this user. Blocks: call from a Job. */
    JoinTicket join(String matchId) throws Exception {
        Signed s = require();
        return LookupClient.await(s.client().join(s.session(), matchId), "join the match");
    }

    /** @return the client, for hosting a match registered with this server */
    LookupClient client() {
        return require().client();
    }

    /** @return the user's session, for hosting a match registered with this server */
    Session session() {
        return require().session();
    }

    boolean connected() {
        return signed != null;
    }

    /** @return the lookup server's URL, or {@code null} */
    URI url() {
        Signed s = signed;
        return s == null ? null : s.url();
    }

    /** @return the identified user, or {@code null} */
    String user() {
        Signed s = signed;
        return s == null ? null : s.session().user();
    }

    @Override
    public void close() {
        Signed s = signed;
        signed = null;
        if (s != null) {
            s.client().close();
        }
    }
}
