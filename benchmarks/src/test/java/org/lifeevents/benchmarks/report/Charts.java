package org.lifeevents.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts as PNG files, drawn headless with JFreeChart. */
final class Charts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;

    /** A chart ready to be written. */
    interface Png {
        void writeTo(Path file) throws IOException;
    }

    private Charts() {
    }

    /**
     * Per-stage rates beside the limit each is compared with, on a logarithmic axis: the stack and the bare broker can
     * differ by four orders of magnitude, and a linear axis would show the stack as no bar at all.
     */
    static Png rates(String title, List<Rate> rates) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Rate rate : rates) {
            data.addValue(Math.max(rate.perSecond(), 1), "measured", rate.stage());
            if (rate.limit() != null) {
                data.addValue(rate.limit().perSecond(), "its physical limit", rate.stage());
            }
        }
        // Horizontal, so the stages' long names are read as written.
        JFreeChart chart = ChartFactory.createBarChart(title, null, "per second (log scale)", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxis(logAxis("per second (log scale)", 1));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getDomainAxis().setMaximumCategoryLabelLines(3);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        // Bars grow from 1/s, the bottom of the log axis (zero has no place on it).
        renderer.setBase(1);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xbbbbbb));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return file -> ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, Math.max(HEIGHT, 60 * rates.size()));
    }

    /**
     * Each latency distribution over its percentiles, with the percentile axis spread as HdrHistogram's plots do
     * (1/(1-q): 2 is the median, 100 the 99th percentile), so the tail is as readable as the median.
     */
    static Png latencies(String title, List<Latency> latencies) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Latency latency : latencies) {
            if (latency.histogram().getTotalCount() == 0) {
                continue;
            }
            XYSeries series = new XYSeries(latency.name(), false, true);
            for (HistogramIterationValue value : latency.histogram().percentiles(5)) {
                double quantile = value.getPercentileLevelIteratedTo() / 100.0;
                if (quantile >= 1.0) {
                    break;
                }
                series.add(1 / (1 - quantile), value.getValueIteratedTo() / 1000.0);
            }
            // the maximum drawn at p99.99, where a run of thousands has nothing further to show
            series.add(1 / (1 - 0.9999), latency.maxMillis());
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "percentile (1/(1-q): 2 = p50, 10 = p90, 100 = p99)",
                "latency ms (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(logAxis("percentile (1/(1-q): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9)", 1));
        plot.setRangeAxis(logAxis("latency ms (log scale)", 0.1));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return file -> ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** A logarithmic axis labelled with plain numbers (1,000 rather than 10^3). */
    private static LogAxis logAxis(String label, double smallest) {
        LogAxis axis = new LogAxis(label);
        axis.setSmallestValue(smallest);
        axis.setBase(10);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        // one tick per power of ten
        axis.setTickUnit(new NumberTickUnit(1));
        return axis;
    }

    /** Cumulative counts of several stages over one clock (seconds since the start). */
    static Png progress(String title, String yLabel, Map<String, List<double[]>> secondsAndCounts) {
        XYSeriesCollection data = new XYSeriesCollection();
        secondsAndCounts.forEach((stage, points) -> {
            XYSeries series = new XYSeries(stage, false, true);
            points.forEach(point -> series.add(point[0], point[1]));
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "seconds since the start", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        return file -> ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
