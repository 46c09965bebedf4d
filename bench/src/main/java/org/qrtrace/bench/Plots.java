package org.qrtrace.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** PNG plots for docs/benchmarks.md. */
final class Plots {

    private Plots() {
    }

    static void throughputLatency(List<OpenLoad.Result> results, Path png) throws Exception {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Check-ins: latency vs offered rate (open model)")
                .xAxisTitle("offered check-ins per second").yAxisTitle("latency (ms, log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("#,##0.#");
        double[] x = results.stream().mapToDouble(OpenLoad.Result::targetRate).toArray();
        chart.addSeries("p50", x, results.stream().mapToDouble(OpenLoad.Result::p50Ms).toArray()).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("p99", x, results.stream().mapToDouble(OpenLoad.Result::p99Ms).toArray()).setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("p99 goal (100 ms)", new double[] {x[0], x[x.length - 1]}, new double[] {100, 100})
                .setMarker(SeriesMarkers.NONE);
        save(chart, png);
    }

    static void distribution(String title, String xTitle, List<Double> valuesMs, Path png) throws Exception {
        double[] sorted = valuesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cdf = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            cdf[i] = 100.0 * (i + 1) / sorted.length;
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle)
                .yAxisTitle("percent of samples at or below").build();
        chart.getStyler().setYAxisDecimalPattern("#0").setYAxisMin(0.0).setYAxisMax(100.0).setLegendVisible(false);
        chart.addSeries("CDF", sorted, cdf).setMarker(SeriesMarkers.NONE);
        save(chart, png);
    }

    static void series(String title, String xTitle, String yTitle, List<String> names, List<double[]> xs, List<double[]> ys,
                       Path png) throws Exception {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisDecimalPattern("#,##0.#").setXAxisDecimalPattern("#0.#");
        for (int i = 0; i < names.size(); i++) {
            chart.addSeries(names.get(i), xs.get(i), ys.get(i)).setMarker(SeriesMarkers.CIRCLE);
        }
        save(chart, png);
    }

    private static void save(XYChart chart, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
