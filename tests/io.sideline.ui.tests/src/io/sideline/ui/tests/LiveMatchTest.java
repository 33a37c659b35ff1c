package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.peer.MatchClient;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.SportRegistry;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LiveFeedView;
import io.sideline.ui.internal.views.MatchView;
import io.sideline.ui.internal.views.PaletteView;
import io.sideline.ui.internal.views.StatisticsView;

/**
 * The live path through the real workbench: connect to a real lookup server through the Connect dialog,
 * create a match through the New Match dialog (the workbench hosts it), a second peer joins through the
 * lookup server, both report the same goal (the workbench's user with a hotkey), and the goal appears in
 * the feed, the score and the chart; a lone report stays pending. And a local match, with no server, where
 * one analyst reports from the keyboard and takes a report back with Ctrl+Z.
 */
class LiveMatchTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path data;
    static LookupServer lookup;

    @BeforeAll
    static void startLookup() throws Exception {
        lookup = LookupServer.start(LookupServerConfig.builder().port(0).dataDir(data.resolve("lookup")).localNetwork(true).build());
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

    private static <T> T view(String id, Class<T> type) throws Exception {
        return type.cast(Ui.page().showView(id));
    }

    @Test
    void connectCreateAndTwoPeersReportAGoalThatReachesTheFeedTheScoreAndTheChart() throws Exception {
        Ui.bigWindow();
        LiveSession session = Ui.session();
        MatchActions actions = new MatchActions(Ui.window());

        Ui.inDialog("Connect to a Lookup Server", () -> actions.connect().run(), connect -> {
            Ui.text(connect, 0).setText(lookup.uri().toString());
            Ui.text(connect, 1).setText("ana");
            Ui.text(connect, 2).setText(PASSWORD);
            Ui.click(Ui.button(connect, "I am new here: register this user first"));
            Ui.click(Ui.button(connect, "Connect"));
        });
        Ui.until("ana is signed in", () -> "ana".equals(session.user()));

        Ui.inDialog("New Match", () -> actions.newMatch().run(), create -> {
            Ui.text(create, 0).setText("Turkey – Italy");
            Ui.text(create, 1).setText("Turkey");
            Ui.text(create, 2).setText("Italy");
            Ui.click(Ui.button(create, "Create"));
        });

        PaletteView palette = view(SidelineUi.VIEW_PALETTE, PaletteView.class);
        PaletteView.Binding goalItaly = new PaletteView.Binding("Goal", "Italy", 'g', true);
        Ui.until("the palette shows the match's buttons", () -> palette.buttons().containsKey(goalItaly));
        assertTrue(session.status().startsWith("Live"), session.status());

        // a second peer finds the match on the lookup server and joins it
        try (LookupClient client = LookupClient.create(lookup.uri())) {
            client.register("ben", PASSWORD).get();
            Session ben = client.identify("ben", PASSWORD).get();
            Match match = client.search(ben, MatchQuery.text("Turkey")).get().items().get(0);
            assertEquals("ana", match.owner());
            JoinTicket ticket = client.join(ben, match.id()).get();
            try (MatchClient benClient = MatchClient.connect(URI.create(ticket.hostUrl()), ticket.token(),
                    new MatchClient.Listener() { })) {
                Ui.until("ben is connected", () -> benClient.state() == MatchClient.State.CONNECTED);
                benClient.report(new TimelineEvent("Goal", "Italy", Instant.now()));

                // ana: Shift+G reports a goal for the away team
                Button button = palette.buttons().get(goalItaly);
                assertNotNull(button, "a Goal button for Italy: " + palette.buttons().keySet());
                assertTrue(button.getText().endsWith("⇧G"), "the hotkey is shown on the button: " + button.getText());
                Ui.page().showView(SidelineUi.VIEW_PALETTE); // the Matches view opened over it after connecting
                Keyboard.focus(button);
                new Keyboard().shift('g');
                // and a corner for Turkey with the mouse, which nobody else reports
                Ui.click(palette.buttons().get(new PaletteView.Binding("Corner", "Turkey", 'c', false)));

                LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
                Ui.until("the goal is in the feed with two votes", () -> feed.rows().stream().anyMatch(r -> r.accepted() != null
                        && r.accepted().event().title().equals("Goal") && r.accepted().votes() == 2),
                        () -> "rows " + feed.rows());
                Ui.until("ben has the goal too", () -> benClient.timeline().latest().stream()
                        .anyMatch(a -> a.event().title().equals("Goal")));

                int goalRow = -1;
                for (int i = 0; i < feed.rows().size(); i++) {
                    Accepted a = feed.rows().get(i).accepted();
                    if (a != null && a.event().title().equals("Goal")) {
                        goalRow = i;
                    }
                }
                TableItem item = feed.table().getItem(goalRow);
                assertEquals("Italy", item.getText(1));
                assertEquals("Goal", item.getText(2));
                assertEquals("2", item.getText(4), "two peers voted");
                // the feed shows the corner once it hears of it (the goal may have been accepted before)
                Ui.until("the lone corner waits, greyed", () -> feed.rows().stream().anyMatch(r -> r.pending() != null
                        && r.pending().event().title().equals("Corner")), () -> "rows " + feed.rows() + "; reports "
                                + session.reports());

                MatchView matchView = view(SidelineUi.VIEW_MATCH, MatchView.class);
                Ui.until("the score counts the goal", () -> matchView.scoreText().equals("Turkey  0 – 1  Italy"),
                        matchView::scoreText);
                StatisticsView stats = view(SidelineUi.VIEW_STATISTICS, StatisticsView.class);
                Ui.until("the chart counts the goal", () -> {
                    CategoryDataset d = stats.chart().getCategoryPlot().getDataset();
                    return d.getColumnKeys().contains("Goal") && d.getValue("Italy", "Goal").intValue() == 1;
                });
                Path shot = Ui.screenshot(Ui.window().getShell(), "live-match.png");
                assertTrue(Ui.colours(shot) > 50, "a drawn workbench, not a blank window");
            }
        }
    }

    @Test
    void aLocalMatchNeedsNoServerAndOneAnalystReportsFromTheKeyboardAndTakesItBackWithCtrlZ() throws Exception {
        Ui.bigWindow();
        MatchActions actions = new MatchActions(Ui.window());
        Ui.inDialog("Local Match", () -> actions.localMatch().run(), start -> Ui.click(Ui.button(start, "Start")));

        PaletteView palette = view(SidelineUi.VIEW_PALETTE, PaletteView.class);
        PaletteView.Binding goal = new PaletteView.Binding("Goal", "Home", 'g', false);
        Ui.until("the palette shows the local match", () -> palette.buttons().containsKey(goal));
        Keyboard.focus(palette.buttons().get(goal));
        new Keyboard().type('g');

        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        MatchView match = view(SidelineUi.VIEW_MATCH, MatchView.class);
        Ui.until("one vote is enough in a local match", () -> match.scoreText().equals("Home  1 – 0  Away"),
                match::scoreText);

        Keyboard.focus(palette.buttons().values().iterator().next());
        new Keyboard().ctrl('z');
        Ui.until("the retraction is voted and the goal struck through", () -> feed.rows().stream()
                .anyMatch(LiveFeedView.Row::retracted), () -> "rows " + feed.rows());
        Ui.until("the score goes back", () -> match.scoreText().equals("Home  0 – 0  Away"), match::scoreText);
        assertEquals(List.of(), feed.rows().stream().filter(r -> r.accepted() != null && !r.retracted()).toList(),
                "no standing goal is left");
        Ui.screenshot(Ui.window().getShell(), "local-match.png");
    }

    @Test
    void aKeyChangedOnTheKeysPageIsShownOnItsButtonAndReports() throws Exception {
        Ui.bigWindow();
        LiveSession session = Ui.session();
        session.startLocal("Keys", session.sport("football"), List.of("Home", "Away"), io.sideline.lookup.QuorumPolicy.SOLO,
                data.resolve("keys"));
        PaletteView palette = view(SidelineUi.VIEW_PALETTE, PaletteView.class);
        Ui.until("the palette shows the match", () -> palette.buttons().containsKey(
                new PaletteView.Binding("Goal", "Home", 'g', false)));
        // what the Keys preference page saves when the user moves the home goal from G to Q
        org.eclipse.ui.keys.IBindingService keys = PlatformUI.getWorkbench().getService(
                org.eclipse.ui.keys.IBindingService.class);
        org.eclipse.jface.bindings.Binding[] before = keys.getBindings();
        org.eclipse.core.commands.ParameterizedCommand homeGoal = org.eclipse.core.commands.ParameterizedCommand
                .generateCommand(PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class)
                        .getCommand("io.sideline.ui.commands.report"), java.util.Map.of(
                                "io.sideline.ui.commands.report.action", "Goal", "io.sideline.ui.commands.report.team",
                                "home"));
        String context = "io.sideline.ui.contexts.coding.football";
        List<org.eclipse.jface.bindings.Binding> changed = new java.util.ArrayList<>(List.of(before));
        changed.add(new org.eclipse.jface.bindings.keys.KeyBinding(org.eclipse.jface.bindings.keys.KeySequence
                .getInstance("G"), null, "io.sideline.ui.scheme", context, null, null, null,
                org.eclipse.jface.bindings.Binding.USER));
        changed.add(new org.eclipse.jface.bindings.keys.KeyBinding(org.eclipse.jface.bindings.keys.KeySequence
                .getInstance("Q"), homeGoal, "io.sideline.ui.scheme", context, null, null, null,
                org.eclipse.jface.bindings.Binding.USER));
        keys.savePreferences(keys.getActiveScheme(), changed.toArray(org.eclipse.jface.bindings.Binding[]::new));
        try {
            PaletteView.Binding q = new PaletteView.Binding("Goal", "Home", 'q', false);
            Ui.until("the Goal button shows Q", () -> palette.buttons().containsKey(q)
                    && palette.buttons().get(q).getText().endsWith("Q"), () -> "buttons " + palette.buttons().keySet());
            // the focus in the feed: the palette may rebuild once more as the binding manager settles
            Keyboard.focus(view(SidelineUi.VIEW_FEED, io.sideline.ui.internal.views.LiveFeedView.class).table());
            new Keyboard().type('q');
            MatchView matchView = view(SidelineUi.VIEW_MATCH, MatchView.class);
            Ui.until("Q reported the goal", () -> matchView.scoreText().equals("Home  1 – 0  Away"), matchView::scoreText);
        } finally {
            keys.savePreferences(keys.getActiveScheme(), before);
        }
    }

    @Test
    void aMatchHostedElsewhereIsFoundInTheMatchesViewAndJoined() throws Exception {
        Ui.bigWindow();
        LiveSession session = Ui.session();
        try (LookupClient client = LookupClient.create(lookup.uri())) {
            client.register("carla", PASSWORD).get();
            Session carla = client.identify("carla", PASSWORD).get();
            try (io.sideline.host.HostedMatch hosted = io.sideline.host.HostedMatch.with(client, carla)
                    .sports(SportRegistry.of(session.sport("football"))).dataDir(data.resolve("carla"))
                    .create("Wales – Switzerland", session.sport("football"), List.of("Wales", "Switzerland"),
                            Instant.now(), io.sideline.lookup.QuorumPolicy.SOLO)) {
                // carla reports a goal on her host before the workbench joins
                JoinTicket own = client.join(carla, hosted.match().id()).get();
                try (MatchClient carlaClient = MatchClient.connect(URI.create(own.hostUrl()), own.token(),
                        new MatchClient.Listener() { })) {
                    carlaClient.report(new TimelineEvent("Goal", "Switzerland", Instant.now()));
                    Ui.until("carla's goal is accepted", () -> !carlaClient.timeline().latest().isEmpty());
                }

                session.connect(lookup.uri(), "dario", PASSWORD, true);
                io.sideline.ui.internal.views.EventsView events = view(SidelineUi.VIEW_EVENTS,
                        io.sideline.ui.internal.views.EventsView.class);
                events.searchField().setText("Wales");
                events.searchField().notifyListeners(SWT.DefaultSelection, new Event());
                Ui.until("the search finds the match", () -> events.results().getItemCount() == 1);
                assertEquals("Wales – Switzerland", events.results().getItem(0).getText(0));
                assertEquals("carla", events.results().getItem(0).getText(5), "its host");

                events.results().setSelection(0);
                events.results().notifyListeners(SWT.DefaultSelection, new Event()); // double-click or Enter
                LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
                Ui.until("the joined match's goal is in the feed", () -> feed.rows().stream()
                        .anyMatch(r -> r.accepted() != null && r.accepted().event().origin().equals("Switzerland")));
                PaletteView palette = view(SidelineUi.VIEW_PALETTE, PaletteView.class);
                Ui.until("the palette offers the joined match's teams", () -> palette.buttons().containsKey(
                        new PaletteView.Binding("Goal", "Wales", 'g', false)));
            }
        }
    }
}
