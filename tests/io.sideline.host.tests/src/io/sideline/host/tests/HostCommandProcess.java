package io.sideline.host.tests;

import java.util.List;

import io.sideline.host.internal.HostCommand;
import io.sideline.sport.api.SportRegistry;
import io.sideline.sport.football.Football;

/**
 * {@code ./sideline host} in a process of its own, for {@link HostCommandTest}'s SIGTERM test: the command
 * as the product runs it, with football installed, without OSGi. Its arguments are the command's.
 */
public final class HostCommandProcess {

    private HostCommandProcess() {
    }

    public static void main(String[] args) throws Exception {
        HostCommand command = new HostCommand();
        command.setSports(SportRegistry.of(new Football()));
        Thread orphan = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the test holds our standard input open; when it ends, the test is gone
                }
            } catch (java.io.IOException e) {
                // the same
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-guard");
        orphan.setDaemon(true);
        orphan.start();
        int code = command.run(List.of(args), System.out, System.err);
        System.out.println("EXIT " + code);
        System.out.flush();
        System.exit(code);
    }
}
