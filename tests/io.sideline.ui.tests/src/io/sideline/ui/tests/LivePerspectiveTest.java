package io.sideline.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

import io.sideline.ui.SidelineUi;
import io.sideline.ui.internal.views.LiveFeedView;
import io.sideline.ui.internal.views.StatisticsView;

/**
 * Smoke test of the real workbench: it starts as the Sideline product, opens the Live perspective with its
 * five views (the pitch among them), and draws them. Saves {@code target/screenshots/workbench-live.png}.
 */
class LivePerspectiveTest {

    private static IWorkbenchPage page() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "the workbench has a window");
        return window.getActivePage();
    }

    @Test
    void theWorkbenchOpensTheLivePerspectiveWithItsViews() {
        IWorkbenchPage page = page();

        assertEquals(SidelineUi.PERSPECTIVE_LIVE, page.getPerspective().getId());
        assertEquals("Live", page.getPerspective().getLabel());
        for (String id : new String[] { SidelineUi.VIEW_PALETTE, SidelineUi.VIEW_FEED, SidelineUi.VIEW_STATISTICS,
                SidelineUi.VIEW_MATCH, SidelineUi.VIEW_PITCH }) {
            IViewPart view = page.findView(id);
            assertNotNull(view, "the Live perspective shows " + id);
        }
    }

    @Test
    void theFeedHasTheColumnsAnAnalystReads() {
        LiveFeedView feed = (LiveFeedView) page().findView(SidelineUi.VIEW_FEED);
        Table table = feed.table();

        String[] headers = Arrays.stream(table.getColumns()).map(TableColumn::getText).toArray(String[]::new);
        assertEquals(List.of("Time", "Origin", "Action", "Player", "Votes", "Confidence", "Where"), List.of(headers));
        assertTrue((table.getStyle() & SWT.VIRTUAL) != 0, "a virtual table, so thousands of events stay smooth");
    }

    @Test
    void theStatisticsViewDrawsAJFreeChartChart() throws Exception {
        StatisticsView statistics = (StatisticsView) page().findView(SidelineUi.VIEW_STATISTICS);
        JFreeChart chart = statistics.chart();
        assertEquals("Events per action", chart.getTitle().getText());
        assertTrue(statistics.chartComposite().isVisible(), "the chart is drawn in an SWT ChartComposite");
    }

    @Test
    void theWindowIsReallyDrawnAndSavedAsAScreenshot() throws Exception {
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1280, 800);
        shell.setLocation(0, 0);
        shell.forceActive();
        Ui.pump(1500);

        Path file = Ui.screenshot(shell, "workbench-live.png");

        int colours = Ui.colours(file);
        assertTrue(colours > 20, "a drawn workbench has many colours, not a blank window: " + colours);
    }

}
