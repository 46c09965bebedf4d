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

    /**
     * p50 and p99 against the offered rate for each labelled run (the check-ins and their floors), with the p99 goal and,
     * when known, the baseline's rate as a vertical line.
     */
    static void throughputLatency(java.util.Map<String, List<OpenLoad.Result>> runs, double baselineTps, Path png) throws Exception {
        XYChart chart = new XYChartBuilder().width(900).height(550).title("Check-ins: latency vs offered rate (open model)")
                .xAxisTitle("offered requests per second (log scale)").yAxisTitle("latency (ms, log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true).setXAxisLogarithmic(true).setYAxisDecimalPattern("#,##0.#")
                .setXAxisDecimalPattern("#,##0");
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        for (java.util.Map.Entry<String, List<OpenLoad.Result>> run : runs.entrySet()) {
            List<OpenLoad.Result> results = run.getValue();
            if (results.isEmpty()) {
                continue;
            }
            double[] x = results.stream().mapToDouble(OpenLoad.Result::targetRate).toArray();
            minX = Math.min(minX, x[0]);
            maxX = Math.max(maxX, x[x.length - 1]);
            chart.addSeries(run.getKey() + " p50", x, results.stream().mapToDouble(r -> Math.max(0.1, r.p50Ms())).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
            chart.addSeries(run.getKey() + " p99", x, results.stream().mapToDouble(r -> Math.max(0.1, r.p99Ms())).toArray())
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        if (!Double.isNaN(baselineTps)) {
            maxX = Math.max(maxX, baselineTps);
            chart.addSeries(String.format("pgbench, same run (%,.0f tps)", baselineTps), new double[] {baselineTps, baselineTps},
                    new double[] {0.5, 5000}).setMarker(SeriesMarkers.NONE);
        }
        chart.addSeries("p99 goal (100 ms)", new double[] {minX, maxX}, new double[] {100, 100}).setMarker(SeriesMarkers.NONE);
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
