package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.local.LocalMatch;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.ui.internal.session.LiveSession;

/**
 * Leaving a match stops its connection and, for a local match, a host and a lookup server: seconds of work
 * that must never freeze the workbench. The test holds the match client's thread (as a slow network or a
 * host that does not answer would), leaves, and checks that the views show no match at once, that the UI
 * keeps answering while the match is still being closed, and that the servers are stopped in the end.
 */
class LeavingTest {

    @TempDir
    Path dir;

    @AfterEach
    void leave() {
        Ui.leave();
    }

    @Test
    void leavingAMatchNeverBlocksTheUiThreadAndStillStopsItsServers() throws Exception {
        LiveSession session = Ui.session();
        session.startLocal("Leaving", session.sport("football"), List.of("Home", "Away"), QuorumPolicy.SOLO,
                dir.resolve("local"));
        Ui.until("the local match is live", () -> session.setup() != null);
        LocalMatch local = session.local();
        assertNotNull(local, "a local match runs");
        URI lookup = local.lookupUri();

        // the next accepted event holds the client's thread until the test lets go
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        session.timeline().addListener(change -> {
            held.countDown();
            try {
                letGo.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        session.report("Goal", "Home", null);
        Ui.until("the client's thread is held by the accepted goal", () -> held.getCount() == 0);
        try {
            session.leave();
            assertEquals(LiveSession.Mode.IDLE, session.mode(), "the views show no match as soon as leave returns");
            assertEquals(null, session.setup(), "no setup once the match is left");
            boolean[] answered = { false };
            Display.getCurrent().asyncExec(() -> answered[0] = true);
            Ui.until("the UI thread answers while the match is being closed", () -> answered[0]);
            assertTrue(Job.getJobManager().find(LiveSession.LEAVING).length > 0,
                    "the match is still being closed, in a Job, while the UI answers");
            assertTrue(accepts(lookup), "the local lookup server is not stopped yet");
        } finally {
            letGo.countDown();
        }
        Ui.until("the match is closed", () -> Job.getJobManager().find(LiveSession.LEAVING).length == 0);
        assertThrows(IOException.class, () -> connect(lookup), "the local lookup server is stopped");
        assertEquals(null, session.local(), "no local match is left running");
    }

    private static boolean accepts(URI uri) {
        try {
            connect(uri);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void connect(URI uri) throws IOException {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(1000);
        }
    }
}
