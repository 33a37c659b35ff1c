package io.sideline.lookup.tests;

import java.nio.file.Path;

import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;

/**
 * A lookup server in a process of its own, for {@link KillNineTest}: plain Java, no OSGi. Starts on a free
 * loopback port with the data directory it is given, prints {@code READY <port>} and runs until it is
 * killed, or until its standard input ends (its parent died), so it never outlives the test run.
 */
public final class LookupProcess {

    private LookupProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LookupProcess DATA_DIR");
            System.exit(2);
        }
        LookupServer server = LookupServer.start(LookupServerConfig.builder().port(0).dataDir(Path.of(args[0]))
                .requestLimit(0, 0).localNetwork(true)
                // the test registers and creates far more from one address than a person would
                .registrationLimit(0, LookupServerConfig.DEFAULT_REGISTRATION_WINDOW).matchQuota(0, 0)
                .log(line -> System.err.println("lookup: " + line)).build());
        System.out.println("READY " + server.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // serving; the test kills this process
        }
        Runtime.getRuntime().halt(0);
    }
}
