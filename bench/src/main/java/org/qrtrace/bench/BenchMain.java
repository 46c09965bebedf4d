package org.qrtrace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code bench/run checkins|floor|hold|lag|query|no-loss|notify}: runs a benchmark against the running local stack and prints its figures, with the
 * baseline measured in the same run and the ratio; writes plots to docs/img/ and a summary to bench/results/.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 2 && args[0].equals("replot-checkins")) {
            replotCheckins(Path.of(args[2]), Path.of(args[1]).resolve("docs/img/checkins-latency.png"));
            return;
        }
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        // The same stack folder as deploy/lib.sh: QRTRACE_STACK_DIR when set.
        String stackDir = System.getenv("QRTRACE_STACK_DIR");
        Stack stack = new Stack(stackDir == null || stackDir.isBlank() ? root.resolve("target/local-stack") : Path.of(stackDir));
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        String what = args.length > 0 ? args[0] : "checkins";
        StringBuilder summary = new StringBuilder("# " + what + " " + Instant.now() + "\n");
        summary.append("checkin-service: ").append(stack.checkinRuntime()).append('\n');
        switch (what) {
            case "checkins", "floor" -> {
                // "checkins": the check-in service, its floors and pgbench, all in one run; "floor": floors and pgbench
                int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "64"));
                int stepSeconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_STEP_SECONDS", "15"));
                boolean floors = what.equals("floor") || !"false".equals(System.getenv("BENCH_FLOORS"));
                java.util.Map<String, List<OpenLoad.Result>> runs = new java.util.LinkedHashMap<>();
                // pgbench before and after the steps: the same machine's baseline moves (5,500-10,000 tps within an
                // hour was seen), so the report gives both and the ratio against each
                System.out.printf("baseline before the steps: pgbench, %d clients, durable single-row INSERT, %d s ...%n",
                        clients, stepSeconds);
                double tpsBefore = PgbenchBaseline.tps(stack, clients, stepSeconds);
                if (what.equals("checkins")) {
                    int[] rates = {50, 100, 150, 200, 300, 400, 500, 700, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 15000, 20000};
                    runs.put("check-ins", new CheckinBench(stack).stepUp(rates, Duration.ofSeconds(stepSeconds)));
                }
                if (floors) {
                    if (!"kafka".equals(System.getenv("BENCH_FLOORS"))) {
                        runs.put("floor: HTTP only", new FloorBench(stack).stepUp("http", Duration.ofSeconds(stepSeconds)));
                    }
                    runs.put("floor: HTTP + Kafka", new FloorBench(stack).stepUp("kafka", Duration.ofSeconds(stepSeconds)));
                }
                System.out.printf("baseline after the steps: pgbench, %d clients, durable single-row INSERT, %d s ...%n",
                        clients, stepSeconds);
                double tpsAfter = PgbenchBaseline.tps(stack, clients, stepSeconds);
                double tps = (tpsBefore + tpsAfter) / 2;
                summary.append(String.format("baseline pgbench durable INSERT, %d clients: %.0f tps before the steps, %.0f tps "
                                + "after (spread %.0f %% of their mean %.0f tps)%n", clients, tpsBefore, tpsAfter,
                        100 * Math.abs(tpsAfter - tpsBefore) / tps, tps));
                for (java.util.Map.Entry<String, List<OpenLoad.Result>> run : runs.entrySet()) {
                    double best = run.getValue().stream().filter(r -> r.sustained(CheckinBench.P99_LIMIT_MS))
                            .mapToDouble(OpenLoad.Result::achievedRate).max().orElse(0);
                    summary.append(String.format("%s: highest sustained rate (p99 <= 100 ms, 0 errors) %.0f/s, ratio to "
                                    + "pgbench %.2f (%.2f against before, %.2f against after)%n", run.getKey(), best,
                            best / tps, best / tpsBefore, best / tpsAfter));
                }
                for (java.util.Map.Entry<String, List<OpenLoad.Result>> run : runs.entrySet()) {
                    summary.append("## ").append(run.getKey()).append('\n');
                    for (OpenLoad.Result r : run.getValue()) {
                        summary.append(r).append('\n');
                    }
                }
                Plots.throughputLatency(runs, tps, root.resolve("docs/img/checkins-latency.png"));
            }
            case "hold" -> {
                int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_RATE", "1000"));
                int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "30"));
                summary.append(new CheckinBench(stack).hold(rate, Duration.ofSeconds(seconds))).append('\n');
            }
            case "long" -> {
                int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_RATE", "1500"));
                int minutes = Integer.parseInt(System.getenv().getOrDefault("BENCH_MINUTES", "10"));
                CheckinBench.LongHold hold = new CheckinBench(stack).longHold(rate, minutes);
                List<OpenLoad.Result> perMinute = hold.perMinute();
                summary.append(String.format("minute  0 (the first at this rate, apart): %s%n", hold.firstMinute()));
                double[] minute = new double[perMinute.size()];
                double[] p99 = new double[perMinute.size()];
                double[] p50 = new double[perMinute.size()];
                for (int m = 0; m < perMinute.size(); m++) {
                    OpenLoad.Result r = perMinute.get(m);
                    minute[m] = m + 1;
                    p99[m] = r.p99Ms();
                    p50[m] = r.p50Ms();
                    summary.append(String.format("minute %2d: %s%n", m + 1, r));
                }
                Plots.series("Check-ins at " + rate + "/s for " + minutes + " minutes: latency per minute", "minute",
                        "latency (ms)", List.of("p99", "p50"), List.of(minute, minute), List.of(p99, p50),
                        root.resolve("docs/img/long-hold-p99.png"));
            }
            case "lag" -> {
                int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_LAG_RATE", "200"));
                List<Double> lags = new CheckinBench(stack).lag(rate, Duration.ofSeconds(30), 10);
                if (lags.isEmpty()) {
                    throw new IllegalStateException("no check-in became queryable: the lag benchmark measured nothing");
                }
                double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                summary.append(String.format("scan-to-queryable lag at %d check-ins/s: n=%d p50 %.0f ms p99 %.0f ms max %.0f ms "
                                + "(presence store polled every 10 ms)%n", rate, sorted.length, pct(sorted, 50), pct(sorted, 99),
                        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]));
                Plots.distribution("Scan-to-queryable lag at " + rate + " check-ins/s", "lag (ms)", lags,
                        root.resolve("docs/img/lag-cdf.png"));
            }
            case "query" -> {
                long[] sizes = java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_QUERY_SIZES", "1000000,3000000,10000000")
                        .split(",")).mapToLong(Long::parseLong).toArray();
                List<QueryBench.Point> points = new QueryBench(stack).run(sizes, 200);
                for (QueryBench.Point p : points) {
                    summary.append(p).append('\n');
                }
                List<String> names = List.of("depth 1 p99", "depth 2 p99", "depth 1 p50", "depth 2 p50");
                List<double[]> xs = new java.util.ArrayList<>();
                List<double[]> ys = new java.util.ArrayList<>();
                for (String name : names) {
                    int depth = name.contains("1") ? 1 : 2;
                    boolean p99 = name.endsWith("p99");
                    xs.add(points.stream().filter(p -> p.depth() == depth).mapToDouble(p -> p.rows() / 1e6).toArray());
                    ys.add(points.stream().filter(p -> p.depth() == depth).mapToDouble(p -> p99 ? p.p99Ms() : p.p50Ms()).toArray());
                }
                Plots.series("Exposure query latency vs presence rows", "presence rows (millions)", "latency (ms)", names, xs, ys,
                        root.resolve("docs/img/query-latency.png"));
            }
            case "no-loss" -> {
                int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_NO_LOSS_RATE", "100"));
                // The cluster's run has a third fault and waits for replication after each broker fault.
                summary.append(new NoLossBench(stack, root).run(rate, Duration.ofSeconds(stack.cluster() ? 190 : 130)));
            }
            case "notify" -> {
                // SMS notifications (issue #18): 1 and 2 per configured rate, 3 the fault run; BENCH_NOTIFY_PARTS picks
                int contacts = Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTIFY_CONTACTS", "10000"));
                String parts = System.getenv().getOrDefault("BENCH_NOTIFY_PARTS", "throughput,fault");
                NotifyBench bench = new NotifyBench(stack, root);
                summary.append(String.format("machine: %d cores, load average at start %s%n",
                        Runtime.getRuntime().availableProcessors(), loadAverage()));
                try {
                    if (parts.contains("throughput")) {
                        int[] rates = java.util.Arrays.stream(System.getenv().getOrDefault("BENCH_NOTIFY_RATES", "50,200,1000")
                                .split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
                        bench.throughput(rates, contacts);
                    }
                    if (parts.contains("fault")) {
                        bench.fault(Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTIFY_FAULT_RATE", "200")),
                                Integer.parseInt(System.getenv().getOrDefault("BENCH_NOTIFY_FAULT_CONTACTS", String.valueOf(contacts))),
                                Duration.parse(System.getenv().getOrDefault("BENCH_NOTIFY_RECEIPT_WAIT", "PT60S")));
                    }
                } catch (Exception e) {
                    summary.append(bench.log()).append("ABORTED: ").append(e).append('\n');
                    summary.append(String.format("load average at the end %s%n", loadAverage()));
                    Files.writeString(results.resolve(what + "-" + Instant.now().toString().replace(':', '-') + ".txt"), summary);
                    System.out.println("ABORTED: " + e);
                    bench.restoreTracing();
                    System.exit(1);
                }
                summary.append(bench.log());
                summary.append(String.format("load average at the end %s%n", loadAverage()));
                bench.restoreTracing();
            }
            default -> throw new IllegalArgumentException("unknown benchmark " + what + " (checkins, floor, hold, lag, query, no-loss, notify)");
        }
        System.out.println();
        System.out.print(summary);
        Files.writeString(results.resolve(what + "-" + Instant.now().toString().replace(':', '-') + ".txt"), summary);
        System.exit(0); // the load generator's event loops are not daemon threads
    }

    /** Draws the check-in plot again from a results file (its Result[...] lines). */
    static void replotCheckins(Path results, Path png) throws Exception {
        java.util.regex.Pattern field = java.util.regex.Pattern.compile("(\\w+)=([0-9.E-]+)");
        List<OpenLoad.Result> steps = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            if (!line.startsWith("Result[")) {
                continue;
            }
            java.util.Map<String, Double> f = new java.util.HashMap<>();
            java.util.regex.Matcher m = field.matcher(line);
            while (m.find()) {
                f.put(m.group(1), Double.parseDouble(m.group(2)));
            }
            steps.add(new OpenLoad.Result(f.get("targetRate").intValue(), f.get("sent").longValue(), f.get("ok").longValue(),
                    f.get("errors").longValue(), f.get("clientDropped").longValue(), f.get("achievedRate"), f.get("p50Ms"),
                    f.get("p90Ms"), f.get("p99Ms"), f.get("maxMs")));
        }
        Plots.throughputLatency(java.util.Map.of("check-ins", steps), Double.NaN, png);
    }

    /** The 1, 5 and 15 minute load averages (/proc/loadavg): the machine is shared, results say how busy it was. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
