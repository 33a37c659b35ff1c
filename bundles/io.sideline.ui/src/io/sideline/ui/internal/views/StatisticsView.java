package io.sideline.ui.internal.views;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import io.sideline.stats.ActionCounts;
import io.sideline.stats.MatchStats;
import io.sideline.stats.Point;
import io.sideline.stats.Step;
import io.sideline.ui.internal.session.LiveSession;

/**
 * Charts of the match, drawn by JFreeChart straight into SWT ({@link ChartComposite}, no AWT bridge):
 * events per action per team, a cumulative step chart over match time, momentum, and a per-period table.
 * They follow the match live; each chart exports as PNG and SVG.
 */
public final class StatisticsView extends ViewPart {

    /** the momentum chart's rolling window */
    public static final Duration MOMENTUM_WINDOW = Duration.ofMinutes(5);
    private static final int REDRAW_MS = 250;

    private LiveSession session;
    private final LiveSession.Listener listener = s -> scheduleUpdate();
    private boolean updateScheduled;
    private long drawnVersion = -1;
    private MatchStats drawnStats;

    private CTabFolder tabs;
    private JFreeChart countsChart;
    private ChartComposite countsComposite;
    private final DefaultCategoryDataset counts = new DefaultCategoryDataset();
    private JFreeChart cumulativeChart;
    private ChartComposite cumulativeComposite;
    private final XYSeriesCollection cumulative = new XYSeriesCollection();
    private Combo cumulativeAction;
    private JFreeChart momentumChart;
    private ChartComposite momentumComposite;
    private final XYSeriesCollection momentum = new XYSeriesCollection();
    private Table periods;

    @Override
    public void createPartControl(Composite parent) {
        session = PlatformUI.getWorkbench().getService(LiveSession.class);
        parent.setLayout(new FillLayout());
        tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);

        countsChart = ChartFactory.createBarChart("Events per action", null, "Events", counts,
                PlotOrientation.HORIZONTAL, true, true, false);
        style(countsChart, "No events yet: join a match to see its statistics");
        CategoryPlot cp = countsChart.getCategoryPlot();
        ((BarRenderer) cp.getRenderer()).setItemMargin(0.05);
        ((BarRenderer) cp.getRenderer()).setShadowVisible(false);
        ((BarRenderer) cp.getRenderer()).setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        cp.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        countsComposite = chartTab("Counts", countsChart, tabs);

        Composite cumulativeBox = new Composite(tabs, SWT.NONE);
        cumulativeBox.setLayout(new GridLayout(2, false));
        new Label(cumulativeBox, SWT.NONE).setText("Action:");
        cumulativeAction = new Combo(cumulativeBox, SWT.READ_ONLY);
        cumulativeAction.addListener(SWT.Selection, e -> update(true));
        cumulativeChart = ChartFactory.createXYLineChart("Cumulative", "Match minute", "Events", cumulative,
                PlotOrientation.VERTICAL, true, true, false);
        style(cumulativeChart, "Nothing to count yet");
        XYPlot xp = cumulativeChart.getXYPlot();
        XYStepRenderer step = new XYStepRenderer();
        step.setDefaultStroke(new BasicStroke(2f));
        step.setAutoPopulateSeriesStroke(false);
        xp.setRenderer(step);
        xp.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        cumulativeComposite = chart(cumulativeBox, cumulativeChart);
        cumulativeComposite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        tab("Cumulative", cumulativeBox);

        momentumChart = ChartFactory.createXYAreaChart("Momentum (" + MOMENTUM_WINDOW.toMinutes() + "-minute window)",
                "Match minute", "Momentum", momentum, PlotOrientation.VERTICAL, true, true, false);
        style(momentumChart, "No momentum yet");
        XYAreaRenderer area = new XYAreaRenderer(XYAreaRenderer.AREA);
        momentumChart.getXYPlot().setRenderer(area);
        momentumChart.getXYPlot().setForegroundAlpha(0.7f);
        momentumComposite = chartTab("Momentum", momentumChart, tabs);

        periods = new Table(tabs, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        periods.setHeaderVisible(true);
        periods.setLinesVisible(true);
        tab("Periods", periods);
        tabs.setSelection(0);

        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        bar.add(new Action("Export PNG…") {
            @Override
            public void run() {
                export("png");
            }
        });
        bar.add(new Action("Export SVG…") {
            @Override
            public void run() {
                export("svg");
            }
        });
        session.addListener(listener);
        update(true);
    }

    @Override
    public void dispose() {
        session.removeListener(listener);
        super.dispose();
    }

    private static void style(JFreeChart chart, String noData) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setNoDataMessage(noData);
            p.setBackgroundPaint(new Color(0xF5, 0xF7, 0xF5));
            p.setRangeGridlinePaint(new Color(0xBD, 0xBD, 0xBD));
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setNoDataMessage(noData);
            p.setBackgroundPaint(new Color(0xF5, 0xF7, 0xF5));
            p.setRangeGridlinePaint(new Color(0xBD, 0xBD, 0xBD));
            p.setDomainGridlinePaint(new Color(0xBD, 0xBD, 0xBD));
        }
    }

    private ChartComposite chartTab(String name, JFreeChart chart, CTabFolder folder) {
        ChartComposite c = chart(folder, chart);
        tab(name, c);
        return c;
    }

    private static ChartComposite chart(Composite parent, JFreeChart chart) {
        // save=false: jfreechart-swt's own "Save as" calls an API JFreeChart 1.5 no longer has; we export ourselves
        return new ChartComposite(parent, SWT.NONE, chart, ChartComposite.DEFAULT_WIDTH, ChartComposite.DEFAULT_HEIGHT,
                100, 80, ChartComposite.DEFAULT_MAXIMUM_DRAW_WIDTH, ChartComposite.DEFAULT_MAXIMUM_DRAW_HEIGHT, true,
                true, false, true, true, true);
    }

    private void tab(String name, org.eclipse.swt.widgets.Control control) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(name);
        item.setControl(control);
    }

    // ------------------------------------------------------------------------------------ reading

    /** @return the counts chart */
    public JFreeChart chart() {
        return countsChart;
    }

    /** @return the SWT composite the counts chart is drawn in */
    public ChartComposite chartComposite() {
        return countsComposite;
    }

    /** @return the charts by tab name */
    public Map<String, JFreeChart> charts() {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        m.put("Counts", countsChart);
        m.put("Cumulative", cumulativeChart);
        m.put("Momentum", momentumChart);
        return m;
    }

    /** @return the tabs */
    public CTabFolder tabs() {
        return tabs;
    }

    /** @return the per-period table */
    public Table periodsTable() {
        return periods;
    }

    // ------------------------------------------------------------------------------------ updating

    private void scheduleUpdate() {
        if (updateScheduled || tabs.isDisposed()) {
            return;
        }
        updateScheduled = true;
        tabs.getDisplay().timerExec(REDRAW_MS, () -> {
            updateScheduled = false;
            if (!tabs.isDisposed()) {
                update(false);
            }
        });
    }

    /** Redraws from the session's statistics, when they changed. */
    public void update(boolean force) {
        MatchStats stats = session.stats();
        if (!force && stats == drawnStats && (stats == null || stats.version() == drawnVersion)) {
            return;
        }
        drawnStats = stats;
        drawnVersion = stats == null ? -1 : stats.version();
        String title = session.title();
        for (JFreeChart c : charts().values()) {
            c.clearSubtitles();
            if (title != null) {
                c.addSubtitle(new TextTitle(title + scoreLine(stats), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
            }
        }
        updateCounts(stats);
        updateCumulative(stats);
        updateMomentum(stats);
        updatePeriods(stats);
    }

    private static String scoreLine(MatchStats stats) {
        if (stats == null || stats.origins().size() != 2) {
            return "";
        }
        List<String> o = stats.origins();
        Map<String, Integer> score = stats.score();
        return "  ·  " + o.get(0) + " " + score.getOrDefault(o.get(0), 0) + " – " + score.getOrDefault(o.get(1), 0) + " "
                + o.get(1);
    }

    private void updateCounts(MatchStats stats) {
        counts.clear();
        if (stats == null) {
            return;
        }
        for (ActionCounts row : stats.counts()) {
            if (row.total() == 0 || bookkeeping(stats, row.action())) {
                continue;
            }
            for (String origin : stats.origins()) {
                counts.addValue(row.get(origin), origin, row.action());
            }
        }
        colour(countsChart.getCategoryPlot().getRenderer()::setSeriesPaint, stats.origins().size());
    }

    /** period starts and ends are bookkeeping: they are not drawn as events */
    private static boolean bookkeeping(MatchStats stats, String action) {
        var a = stats.sport().action(action);
        return a != null && a.marksPeriod();
    }

    private void updateCumulative(MatchStats stats) {
        List<String> actions = new ArrayList<>();
        if (stats != null) {
            for (ActionCounts row : stats.counts()) {
                if (row.total() > 0 && !bookkeeping(stats, row.action())) {
                    actions.add(row.action());
                }
            }
        }
        String chosen = cumulativeAction.getText();
        if (!actions.equals(List.of(cumulativeAction.getItems()))) {
            cumulativeAction.setItems(actions.toArray(String[]::new));
        }
        if (!actions.contains(chosen)) {
            chosen = actions.stream().filter(a -> a.toLowerCase(java.util.Locale.ROOT).contains("shot")).findFirst()
                    .orElse(actions.isEmpty() ? "" : actions.get(0));
        }
        cumulativeAction.setText(chosen);
        cumulativeAction.getParent().layout();
        cumulative.removeAllSeries();
        cumulativeChart.setTitle("Cumulative: " + (chosen.isEmpty() ? "events" : chosen));
        if (stats == null || chosen.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Step>> e : stats.cumulative(chosen).entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), true, true);
            for (Step step : e.getValue()) {
                s.addOrUpdate(minutes(step.matchTime()), step.count());
            }
            cumulative.addSeries(s);
        }
        colour(cumulativeChart.getXYPlot().getRenderer()::setSeriesPaint, stats.origins().size());
    }

    private void updateMomentum(MatchStats stats) {
        momentum.removeAllSeries();
        if (stats == null || stats.events().isEmpty()) {
            return;
        }
        int i = 0;
        for (Map.Entry<String, List<Point>> e : stats.momentum(MOMENTUM_WINDOW, Duration.ofMinutes(1)).entrySet()) {
            XYSeries s = new XYSeries(e.getKey() + (i == 1 ? " (shown below)" : ""), true, true);
            double sign = i == 1 ? -1 : 1;
            for (Point p : e.getValue()) {
                s.addOrUpdate(minutes(p.matchTime()), sign * p.value());
            }
            momentum.addSeries(s);
            i++;
        }
        colour(momentumChart.getXYPlot().getRenderer()::setSeriesPaint, stats.origins().size());
    }

    private void updatePeriods(MatchStats stats) {
        periods.setRedraw(false);
        periods.removeAll();
        for (TableColumn c : periods.getColumns()) {
            c.dispose();
        }
        if (stats == null) {
            periods.setRedraw(true);
            return;
        }
        List<Integer> ps = stats.periods();
        List<String> headers = new ArrayList<>(List.of("Action"));
        for (int p : ps) {
            for (String o : stats.origins()) {
                headers.add(stats.sport().periodName(p) + " · " + o);
            }
        }
        for (String o : stats.origins()) {
            headers.add("Total · " + o);
        }
        for (String h : headers) {
            TableColumn c = new TableColumn(periods, h.equals("Action") ? SWT.LEFT : SWT.RIGHT);
            c.setText(h);
            c.setWidth(h.equals("Action") ? 140 : 95);
        }
        for (ActionCounts row : stats.counts()) {
            if (row.total() == 0) {
                continue;
            }
            List<String> cells = new ArrayList<>(List.of(row.action()));
            for (int p : ps) {
                for (String o : stats.origins()) {
                    cells.add(Integer.toString(stats.count(p, row.action(), o)));
                }
            }
            for (String o : stats.origins()) {
                cells.add(Integer.toString(row.get(o)));
            }
            new TableItem(periods, SWT.NONE).setText(cells.toArray(String[]::new));
        }
        ColumnFit.pack(periods);
        periods.setRedraw(true);
    }

    private static double minutes(Duration d) {
        return d.toMillis() / 60_000.0;
    }

    private static void colour(java.util.function.BiConsumer<Integer, java.awt.Paint> set, int n) {
        for (int i = 0; i < n; i++) {
            set.accept(i, TeamColours.awt(i)); // the same colour as the team's dots on the Pitch view
        }
    }

    // ------------------------------------------------------------------------------------ export

    /** @return the chart of the selected tab, or the counts chart on the table's tab */
    public JFreeChart selectedChart() {
        CTabItem item = tabs.getSelection();
        JFreeChart c = item == null ? null : charts().get(item.getText());
        return c == null ? countsChart : c;
    }

    private void export(String format) {
        FileDialog d = new FileDialog(tabs.getShell(), SWT.SAVE);
        d.setText("Export Chart as " + format.toUpperCase(java.util.Locale.ROOT));
        d.setFilterExtensions(new String[] { "*." + format });
        d.setFileName(selectedChart().getTitle().getText().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(
                java.util.Locale.ROOT) + "." + format);
        d.setOverwrite(true);
        String file = d.open();
        if (file == null) {
            return;
        }
        try {
            export(selectedChart(), Path.of(file), 1200, 800);
        } catch (IOException e) {
            ILog.of(StatisticsView.class).error("Could not export a chart to " + file, e);
            MessageDialog.openError(tabs.getShell(), "Export failed", "The chart was not saved to " + file + ". "
                    + io.sideline.ui.internal.actions.MatchActions.readable(e));
        }
    }

    /** Writes a chart as PNG or SVG, by the file's extension. */
    public static void export(JFreeChart chart, Path file, int width, int height) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            SVGUtils.writeToSVG(file.toFile(), g.getSVGElement());
        } else {
            ChartUtils.saveChartAsPNG(new File(file.toString()), chart, width, height);
        }
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }
}
