package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

/**
 * Errors reach the log: a headless bundle's warning or error (they log through {@link System.Logger}) lands in
 * the workbench's platform log with its exception, where the Error Log and support read it; chatter below a
 * warning does not.
 */
class PlatformLogTest {

    @Test
    void aHeadlessBundlesErrorReachesThePlatformLogWithItsException() {
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            System.Logger headless = System.getLogger("io.sideline.peer.MatchClient");
            headless.log(System.Logger.Level.INFO, "connected: chatter the log does not need");
            IllegalStateException cause = new IllegalStateException("the host closed the connection");
            headless.log(System.Logger.Level.ERROR, "match client failed", cause);
            headless.log(System.Logger.Level.WARNING, "a match client listener failed");

            Ui.until("the headless bundle's error and warning reach the platform log", () -> ours(logged).size() >= 2,
                    () -> "logged: " + logged);
            List<IStatus> ours = ours(logged);
            assertEquals(2, ours.size(), "the error and the warning, not the info line: " + ours);
            IStatus error = ours.get(0);
            assertEquals(IStatus.ERROR, error.getSeverity());
            assertTrue(error.getMessage().contains("match client failed"), error.getMessage());
            assertNotNull(error.getException(), "the stack trace is kept");
            assertEquals(cause, error.getException());
            assertEquals(IStatus.WARNING, ours.get(1).getSeverity());
        } finally {
            Platform.removeLogListener(listener);
        }
    }

    private static List<IStatus> ours(List<IStatus> logged) {
        return logged.stream().filter(s -> s.getMessage().startsWith("io.sideline.peer.MatchClient")).toList();
    }
}
