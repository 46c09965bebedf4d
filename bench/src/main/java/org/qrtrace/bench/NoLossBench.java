package org.qrtrace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The no-loss fault test of the reliability issue: under a steady check-in load, kill -9 checkin-service, then
 * tracing-service, then the Kafka broker, restarting each; then count every check-in that received 201 and check that
 * each is present exactly once in tracing-service's presence store, and that requests during the broker
 * outage were refused (503), never acknowledged.
 */
final class NoLossBench {

    private final Stack stack;
    private final Path root;
    private final CheckinBench checkins;
    private final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong transportErrors = new AtomicLong();
    private final StringBuilder log = new StringBuilder();
    /** Time to answer of the requests answered while a component is down and until it is ready again. */
    private final org.HdrHistogram.Histogram outageAnswers = new org.HdrHistogram.Histogram(60_000_000_000L, 3);
    private volatile boolean inOutage;

    NoLossBench(Stack stack, Path root) {
        this.stack = stack;
        this.root = root;
        this.checkins = new CheckinBench(stack);
    }

    String run(int rate, Duration total) throws Exception {
        CheckinBench.TestVenue venue = checkins.readyVenue("SUPERMARKET");
        String token = venue.token();
        String venueId = venue.id();
        Instant start = Instant.now();
        Thread load = new Thread(() -> steadyLoad(token, rate, total), "steady-load");
        load.start();
        long t0 = System.nanoTime();
        sleepUntil(t0, 20);
        crashAndRestart("checkin-service", 0);
        sleepUntil(t0, 60);
        crashAndRestart("tracing-service", 0);
        sleepUntil(t0, 95);
        crashAndRestart("kafka", 10);
        load.join();
        note("load finished: %d acknowledged (201), statuses %s, transport errors %d", acknowledged.size(), statuses,
                transportErrors.get());
        long sent = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        if (acknowledged.size() < sent / 2) {
            // "0 lost" of next to nothing acknowledged proves nothing: the faults must hit a load that was being taken.
            throw new IllegalStateException("only " + acknowledged.size() + " of " + sent + " check-ins were acknowledged: "
                    + "the run cannot show that acknowledged check-ins survive the faults");
        }

        // Wait until tracing-service has caught up, then compare.
        String officer = stack.token("health-officer", null, "30");
        Map<String, Integer> seen = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            seen = presence(officer, venueId, start.minusSeconds(60), Instant.now().plusSeconds(60));
            if (seen.keySet().containsAll(acknowledged.keySet())) {
                break;
            }
            Thread.sleep(2000);
        }
        Map<String, Integer> found = seen;
        long lost = acknowledged.keySet().stream().filter(id -> !found.containsKey(id)).count();
        long duplicated = found.values().stream().filter(n -> n > 1).count();
        long unacknowledgedButPresent = found.keySet().stream().filter(id -> !acknowledged.containsKey(id)).count();
        note("acknowledged %d, present in tracing-service %d, lost %d, duplicated %d, present but never acknowledged %d",
                acknowledged.size(), seen.size(), lost, duplicated, unacknowledgedButPresent);
        return log.toString();
    }

    private void steadyLoad(String token, int rate, Duration total) {
        try (OpenLoad load = new OpenLoad(stack.url("CHECKIN"), CheckinBench.CONNECTIONS, 2048)) {
            load.withStatusListener((status, nanos) -> {
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (inOutage) {
                            synchronized (outageAnswers) {
                                outageAnswers.recordValue(nanos);
                            }
                        }
                    })
                    .run(rate, total, i -> CheckinBench.checkin(token, CheckinBench.nextPhone()), 201,
                    (i, response) -> {
                        try {
                            acknowledged.put(stack.json.readTree(response.body()).path("checkinId").asText(), Instant.now());
                        } catch (Exception e) {
                            transportErrors.incrementAndGet();
                        }
                    });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void crashAndRestart(String component, int downSeconds) throws Exception {
        Path pidFile = stack.dir.resolve("pids/" + component + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long before = acknowledged.size();
        note("kill -9 %s (pid %d) at %s", component, pid, Instant.now());
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(50);
        }
        Files.deleteIfExists(pidFile);
        Map<Integer, Long> statusBefore = snapshot();
        synchronized (outageAnswers) {
            outageAnswers.reset();
        }
        inOutage = true;
        Thread.sleep(downSeconds * 1000L);
        long restart = System.nanoTime();
        Process p = new ProcessBuilder(root.resolve("deploy/start-component").toString(), component)
                .directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("restarting " + component + " failed: " + out);
        }
        inOutage = false;
        long acknowledgedDuringOutage = acknowledged.size() - before;
        note("%s ready again %.1f s after restart (down %d s before restart); during the outage: %d acknowledged, "
                        + "status counts %s", component, (System.nanoTime() - restart) / 1e9, downSeconds,
                acknowledgedDuringOutage, diff(statusBefore, snapshot()));
        synchronized (outageAnswers) {
            note("  time to answer (from when due) of the %d requests answered from the kill until ready again: "
                            + "p50 %.0f ms, p99 %.0f ms, max %.0f ms", outageAnswers.getTotalCount(),
                    outageAnswers.getValueAtPercentile(50) / 1e6, outageAnswers.getValueAtPercentile(99) / 1e6,
                    outageAnswers.getMaxValue() / 1e6);
        }
    }

    /** Visits per check-in id at the venue, read from tracing-service's presence store (what every query reads). */
    private Map<String, Integer> presence(String officer, String venueId, Instant from, Instant to) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (java.sql.Connection c = stack.database("tracing");
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT checkin_id::text, count(*) FROM visit "
                     + "WHERE venue_id = ?::uuid AND checked_in_at >= ? AND checked_in_at < ? GROUP BY 1")) {
            ps.setString(1, venueId);
            ps.setTimestamp(2, java.sql.Timestamp.from(from));
            ps.setTimestamp(3, java.sql.Timestamp.from(to));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private Map<Integer, Long> snapshot() {
        Map<Integer, Long> m = new HashMap<>();
        statuses.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    private static Map<Integer, Long> diff(Map<Integer, Long> before, Map<Integer, Long> after) {
        Map<Integer, Long> d = new HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private static void sleepUntil(long t0, int seconds) throws InterruptedException {
        long wait = t0 + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
