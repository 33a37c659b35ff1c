package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.statsbomb.MatchEvent;
import io.sideline.statsbomb.StatsBombMatch;
import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.actions.MatchActions;
import io.sideline.ui.internal.session.LiveSession;
import io.sideline.ui.internal.views.LiveFeedView;
import io.sideline.ui.internal.views.MatchView;
import io.sideline.ui.internal.views.StatisticsView;

/**
 * A coach's path: a saved match (Euro 2020 Turkey – Italy) opens for review with no server running, shows
 * the same feed and charts, and exports its timeline as CSV and a chart as PNG and SVG. And the real match
 * replayed through the workbench by ten simulated peers over WebSockets: the picture in the README.
 */
class ReviewAndReplayTest {

    static final Path EVENTS = Path.of(System.getProperty("sideline.root", "../.."), "examples", "data", "statsbomb",
            "3788741_events.json");
    static final Instant KICK_OFF = Instant.parse("2021-06-11T19:00:00Z");

    @TempDir
    Path dir;

    @AfterEach
    void leave() throws Exception {
        Ui.leave();
        org.eclipse.ui.PlatformUI.getWorkbench().showPerspective(SidelineUi.PERSPECTIVE_LIVE, Ui.window());
        Ui.pump(200);
    }

    private static <T> T view(String id, Class<T> type) throws Exception {
        return type.cast(Ui.page().showView(id));
    }

    @Test
    void aSavedMatchOpensForReviewWithoutAServerAndExportsCsvPngAndSvg() throws Exception {
        StatsBombMatch match = StatsBombMatch.read(EVENTS, KICK_OFF);
        List<Accepted> messages = new ArrayList<>();
        for (MatchEvent e : match.events()) {
            int n = messages.size() + 1;
            messages.add(new Accepted(e.time().plusSeconds(3), "e" + n, n, 1, Accepted.Status.ACCEPTED,
                    new TimelineEvent(e.title(), e.origin(), e.time(), e.player(), e.period(), null, java.util.Map.of()),
                    8, 0.8, null));
        }
        Path file = dir.resolve("turkey-italy.sideline");
        new SavedMatch(new Setup(List.of(match.home(), match.away()), List.of("Goal", "Own goal", "Shot on target",
                "Shot off target", "Save", "Corner", "Free kick", "Foul", "Yellow card", "Red card", "Offside",
                "Substitution"), "3788741", "Turkey – Italy, Euro 2020", "football", null), messages).write(file);

        Ui.bigWindow();
        new MatchActions(Ui.window()).open(file);
        LiveSession session = Ui.session();
        Ui.until("the saved match is open for review", () -> session.mode() == LiveSession.Mode.REVIEW
                && session.feed().size() == messages.size());
        Ui.until("the Review perspective shows", () -> SidelineUi.PERSPECTIVE_REVIEW.equals(Ui.page().getPerspective()
                .getId()));
        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        MatchView matchView = view(SidelineUi.VIEW_MATCH, MatchView.class);
        Ui.until("every event is in the feed", () -> feed.rows().size() == messages.size());
        Ui.until("the score is the real one", () -> matchView.scoreText().equals("Turkey  0 – 3  Italy"),
                matchView::scoreText);

        Path csv = dir.resolve("turkey-italy.csv");
        session.snapshot().exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(messages.size() + 1, lines.size(), "a header and one row per event");
        assertTrue(lines.get(0).startsWith("id,version,seq,match_time"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("Goal") && l.contains("Ciro Immobile")), "Immobile's goal");

        StatisticsView stats = view(SidelineUi.VIEW_STATISTICS, StatisticsView.class);
        Ui.until("the charts show the match", () -> stats.charts().get("Momentum").getXYPlot().getDataset()
                .getSeriesCount() == 2 && stats.chart().getCategoryPlot().getDataset().getColumnCount() > 5);
        Path png = dir.resolve("counts.png");
        StatisticsView.export(stats.chart(), png, 1200, 800);
        ImageData image = new ImageLoader().load(png.toString())[0];
        assertEquals(1200, image.width);
        assertTrue(Ui.colours(png) > 20, "a drawn chart");
        Path svg = dir.resolve("momentum.svg");
        StatisticsView.export(stats.charts().get("Momentum"), svg, 1200, 800);
        String svgText = Files.readString(svg);
        assertTrue(svgText.startsWith("<?xml") || svgText.contains("<svg"), "an SVG document");
        assertTrue(svgText.contains("Turkey") && svgText.contains("Italy"), "with the teams in its legend");

        Ui.screenshot(Ui.window().getShell(), "review-turkey-italy.png");
    }

    @Test
    void fiveThousandEventsLoadIntoTheVirtualFeedWhichShowsTheNewest() throws Exception {
        List<Accepted> messages = new ArrayList<>();
        Instant t0 = KICK_OFF;
        for (int i = 1; i <= 5_000; i++) {
            messages.add(new Accepted(t0.plusSeconds(i + 2), "e" + i, i, 1, Accepted.Status.ACCEPTED,
                    new TimelineEvent(i % 3 == 0 ? "Corner" : "Foul", i % 2 == 0 ? "Home" : "Away", t0.plusSeconds(i)),
                    3, 0.6, null));
        }
        Path file = dir.resolve("long.sideline");
        new SavedMatch(new Setup(List.of("Home", "Away"), List.of("Foul", "Corner"), "long", "A long match", "football",
                null), messages).write(file);

        Ui.bigWindow();
        new MatchActions(Ui.window()).open(file);
        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        Ui.until("all 5,000 rows are in the feed", () -> feed.table().getItemCount() == 5_000,
                () -> feed.table().getItemCount() + " rows");
        assertTrue((feed.table().getStyle() & org.eclipse.swt.SWT.VIRTUAL) != 0, "a virtual table");
        Ui.pump(300);
        assertTrue(feed.table().getTopIndex() > 4_900, "the feed shows the newest rows: top " + feed.table().getTopIndex());
        assertEquals("Home", feed.table().getItem(4_999).getText(1), "the last event (the 5,000th, even: Home), filled on demand");
        assertEquals(5_000, Ui.session().stats().total("Foul") + Ui.session().stats().total("Corner"));

        feed.filters()[1].select(feed.filters()[1].indexOf("Corner"));
        feed.filters()[1].notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals(1_666, feed.table().getItemCount(), "the action filter keeps the corners");
    }

    @Test
    void turkeyItalyReplayedThroughTheWorkbenchFillsTheFeedAndTheCharts() throws Exception {
        Ui.bigWindow();
        Job job = new MatchActions(Ui.window()).replay(EVENTS, 600);
        LiveSession session = Ui.session();
        Ui.until("the replay has reported the whole match", () -> job.getResult() != null, () -> session.status());
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());
        Ui.page().resetPerspective();
        MatchView match = view(SidelineUi.VIEW_MATCH, MatchView.class);
        LiveFeedView feed = view(SidelineUi.VIEW_FEED, LiveFeedView.class);
        Ui.until("the three Italian goals count", () -> match.scoreText().equals("Turkey  0 – 3  Italy"),
                match::scoreText);
        Ui.until("the feed holds the match", () -> feed.rows().stream().filter(r -> r.accepted() != null).count() >= 100,
                () -> feed.rows().size() + " rows");
        StatisticsView stats = view(SidelineUi.VIEW_STATISTICS, StatisticsView.class);
        stats.update(true);
        io.sideline.ui.internal.views.PaletteView palette = view(SidelineUi.VIEW_PALETTE,
                io.sideline.ui.internal.views.PaletteView.class);
        assertTrue(palette.playerSuggestions("immo").contains("Ciro Immobile"),
                "the player field offers the players the match has seen: " + palette.playerSuggestions("immo"));
        Ui.page().showView(SidelineUi.VIEW_FEED);
        Ui.pump(1000);
        Path shot = Ui.screenshot(Ui.window().getShell(), "live-turkey-italy.png");
        assertTrue(Ui.colours(shot) > 80, "feed, palette and charts drawn");
    }
}
