package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.host.HostedMatch;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.peer.ReportOutbox;
import io.sideline.protocol.Accepted;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LiveFeedView;
import io.sideline.ui.internal.views.PaletteView;

/**
 * Coding offline in the workbench: the analyst joined a match hosted elsewhere (a real host on a fixed port), the
 * host goes down, the analyst keeps pressing keys; the palette says how many reports wait for the host, and when
 * the host is back they reach the feed at the times the keys were pressed. Then the host goes down again, the
 * analyst presses two keys and leaves the match (as when the workbench is closed): joining again after the host
 * is back sends those two, once.
 */
class OfflineCodingTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path data;
    static LookupServer lookup;

    @BeforeAll
    static void startLookup() throws Exception {
        lookup = LookupServer.start(LookupServerConfig.builder().port(0).dataDir(data.resolve("lookup"))
                .localNetwork(true).build());
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @AfterEach
    void leave() {
        Ui.leave();
        Ui.pump(200);
    }

    /** the analyst's key: the palette reports the action of the binding, as LiveMatchTest presses keys */
    private static void press(PaletteView palette, char key, boolean shift) {
        Button any = palette.buttons().values().iterator().next();
        Event e = new Event();
        e.keyCode = key;
        e.character = shift ? Character.toUpperCase(key) : key;
        e.stateMask = shift ? SWT.SHIFT : 0;
        any.notifyListeners(SWT.KeyDown, e);
        Ui.pump(20);
    }

    private static List<Accepted> accepted(LiveFeedView feed, String title) {
        return feed.rows().stream().map(LiveFeedView.Row::accepted).filter(Objects::nonNull)
                .filter(a -> a.event().title().equals(title)).toList();
    }

    @Test
    void reportsMadeWhileTheHostIsDownWaitAndReachTheFeedWhenItIsBackEvenAfterLeavingTheMatch() throws Exception {
        Ui.bigWindow();
        LiveSession session = Ui.session();
        session.connect(lookup.uri(), "ana", PASSWORD, true);
        Sport football = session.sport("football");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path hostData = data.resolve("host");
        try (LookupClient client = LookupClient.create(lookup.uri())) {
            Session ana = client.identify("ana", PASSWORD).get();
            HostedMatch.Builder hosting = HostedMatch.with(client, ana).sports(SportRegistry.of(football))
                    .bindHost("127.0.0.1").port(port).dataDir(hostData);
            HostedMatch host = hosting.create("Lions – Tigers", football, List.of("Lions", "Tigers"), Instant.now(),
                    QuorumPolicy.SOLO);
            String matchId = host.match().id();
            try {
                Path workbenchData = data.resolve("workbench");
                session.join(matchId, workbenchData);
                PaletteView palette = (PaletteView) Ui.page().showView(SidelineUi.VIEW_PALETTE);
                LiveFeedView feed = (LiveFeedView) Ui.page().showView(SidelineUi.VIEW_FEED);
                Ui.until("the palette shows the match's buttons", () -> !palette.buttons().isEmpty()
                        && session.status().startsWith("Live"), session::status);

                // the host goes away; the analyst goes on: a shot for the Lions, a corner and a foul for the Tigers
                host.close();
                Ui.until("the workbench noticed", () -> session.status().startsWith("Reconnecting"), session::status);
                Instant before = Instant.now();
                press(palette, 's', false);
                press(palette, 'c', true);
                press(palette, 'f', true);
                Instant after = Instant.now();
                Ui.until("the palette says three wait", () -> palette.waitingLabel().getText().startsWith(
                        "3 reports wait for the host"), () -> palette.waitingLabel().getText());
                TableItem newest = palette.pendingTable().getItem(0);
                assertEquals("waiting for the host (offline)", newest.getText(2), newest.getText(1));
                Path outbox = workbenchData.resolve("outbox");
                try (var files = Files.list(outbox)) {
                    Path file = files.filter(f -> f.toString().endsWith(ReportOutbox.SUFFIX)).findFirst().orElseThrow();
                    assertEquals(3, ReportOutbox.open(file).size(), "the three are kept in the match's outbox: " + file);
                }
                Path shot = Ui.screenshot(Ui.window().getShell(), "offline-coding-waiting.png");
                assertTrue(Ui.colours(shot) > 20, "the screenshot shows the workbench");

                // the host is back on its port: the three reach the feed, at the moments the keys were pressed
                host = hosting.resume(matchId);
                Ui.until("the three are in the feed", () -> accepted(feed, "Shot on target").size()
                        + accepted(feed, "Corner").size() + accepted(feed, "Foul").size() == 3, () -> "rows "
                        + feed.rows() + "; " + session.status());
                for (String title : List.of("Shot on target", "Corner", "Foul")) {
                    Instant at = accepted(feed, title).get(0).event().time();
                    assertTrue(!at.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                            && !at.isAfter(after), title + " at the moment its key was pressed: " + at);
                }
                Ui.until("the palette no longer says any wait", () -> palette.waitingLabel().getText().isEmpty(),
                        () -> palette.waitingLabel().getText());
                Ui.screenshot(Ui.window().getShell(), "offline-coding-sent.png");

                // down again: two free kicks, then the analyst leaves the match (the workbench closes)
                host.close();
                Ui.until("the workbench noticed again", () -> session.status().startsWith("Reconnecting"),
                        session::status);
                press(palette, 'k', false);
                press(palette, 'k', true);
                Ui.until("the palette says two wait", () -> palette.waitingLabel().getText().startsWith(
                        "2 reports wait for the host"), () -> palette.waitingLabel().getText());
                Ui.leave();

                host = hosting.resume(matchId);
                session.join(matchId, workbenchData);
                Ui.until("the two are in the feed", () -> accepted(feed, "Free kick").size() == 2, () -> "rows "
                        + feed.rows() + "; " + session.status());
                Ui.until("nothing waits", () -> session.waiting().isEmpty() && session.pending().isEmpty(),
                        () -> session.reports().toString());
                Ui.pump(500);
                assertEquals(5, feed.rows().stream().filter(r -> r.accepted() != null).count(),
                        "five events, none twice: " + feed.rows());
                assertEquals(5, host.host().lastSeq(), "the host has five: " + host.host().timeline());
            } finally {
                host.close();
            }
        }
    }
}
