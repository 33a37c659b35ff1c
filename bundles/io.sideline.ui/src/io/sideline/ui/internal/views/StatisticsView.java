package io.sideline.ui.internal.views;

import java.awt.Color;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.category.DefaultCategoryDataset;

/** Charts of the match, drawn by JFreeChart straight into SWT. */
public final class StatisticsView extends ViewPart {

    private ChartComposite chartComposite;
    private JFreeChart chart;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        DefaultCategoryDataset counts = new DefaultCategoryDataset();
        chart = ChartFactory.createBarChart("Events per action", null, "Events", counts, PlotOrientation.HORIZONTAL,
                true, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setNoDataMessage("No events yet: join a match to see its statistics");
        plot.setBackgroundPaint(new Color(0xF5, 0xF7, 0xF5));
        plot.setRangeGridlinePaint(new Color(0xBD, 0xBD, 0xBD));
        // save=false: jfreechart-swt's own "Save as" calls an API JFreeChart 1.5 no longer has; we export ourselves
        chartComposite = new ChartComposite(parent, SWT.NONE, chart, ChartComposite.DEFAULT_WIDTH,
                ChartComposite.DEFAULT_HEIGHT, 100, 80, ChartComposite.DEFAULT_MAXIMUM_DRAW_WIDTH,
                ChartComposite.DEFAULT_MAXIMUM_DRAW_HEIGHT, true, true, false, true, true, true);
    }

    /** @return the chart this view draws */
    public JFreeChart chart() {
        return chart;
    }

    /** @return the SWT composite the chart is drawn in */
    public ChartComposite chartComposite() {
        return chartComposite;
    }

    @Override
    public void setFocus() {
        chartComposite.setFocus();
    }
}
