package io.sideline.ui.internal.session;

import io.sideline.host.HostedMatch;
import io.sideline.local.LocalMatch;
import io.sideline.peer.MatchClient;

/**
 * What runs a live match for the workbench: the client connected to its host and, when the match is
 * hosted in this process, the host (and for a local match its lookup server). Closing it takes seconds
 * (the client's goodbye, Jetty's stop, the database's close), so it is closed off the UI thread.
 *
 * @param client the connection to the match's host
 * @param hosted the match this process hosts for a lookup server elsewhere, or {@code null}
 * @param local  the local match (lookup server and host in this process), or {@code null}
 */
record RunningMatch(MatchClient client, HostedMatch hosted, LocalMatch local) implements AutoCloseable {

    /** @return a short word on where the match runs, for the status line */
    String where() {
        return local != null ? " · local match" : hosted != null ? " · hosted here" : "";
    }

    /** Closes the client, then what this process hosts. Blocks: never call on the UI thread. */
    @Override
    public void close() {
        client.close();
        if (hosted != null) {
            hosted.close();
        }
        if (local != null) {
            local.close();
        }
    }
}
