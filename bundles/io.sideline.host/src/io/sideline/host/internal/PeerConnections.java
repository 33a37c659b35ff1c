package io.sideline.host.internal;

/** Creates the WebSocket endpoint of a new connection. */
public final class PeerConnections {

    private PeerConnections() {
    }

    /** @return the endpoint for a new peer of this host */
    public static PeerConnection open(HostCore core) {
        return new PeerConnection(core);
    }
}
