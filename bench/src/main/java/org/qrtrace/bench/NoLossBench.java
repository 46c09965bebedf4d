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
 * <p>
 * On the cluster ({@code ./deploy/run-local --cluster}) the load is shared by the two checkin-service instances and the
 * faults are the cluster's: kill -9 the broker leading most {@code checkin.events} partitions, then one checkin-service
 * and one tracing-service instance at once (a consumer-group rebalance mid-batch), then two brokers at once (fewer
 * in-sync replicas than min.insync.replicas: every check-in due meanwhile must be refused, none acknowledged).
 */
final class NoLossBench {

    private final Stack stack;
    private final Path root;
    private final CheckinBench checkins;
    private final Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong transportErrors = new AtomicLong();
    private final StringBuilder log = new StringBuilder();
    /** Time to answer of the requests answered while a component is down and until it is ready again, per instance. */
    private final Map<String, org.HdrHistogram.Histogram> outageAnswers = new java.util.TreeMap<>();
    private volatile boolean inOutage;
    /** Answers per second since the load began: [201s, anything else]. */
    private final Map<Long, long[]> timeline = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> transportErrorsByInstance = new ConcurrentHashMap<>();
    /** While two brokers are down: since when (nanoTime), and 201s for requests due after that. */
    private volatile long quorumLostSince = Long.MAX_VALUE;
    private volatile long quorumLostUntil = Long.MAX_VALUE;
    private final AtomicLong acknowledgedWithoutQuorum = new AtomicLong();
    private volatile long loadStart;
    private final List<long[]> faults = new java.util.ArrayList<>();
    private final List<String> faultNames = new java.util.ArrayList<>();
    private int rate;

    NoLossBench(Stack stack, Path root) {
        this.stack = stack;
        this.root = root;
        this.checkins = new CheckinBench(stack);
    }

    String run(int rate, Duration total) throws Exception {
        this.rate = rate;
        CheckinBench.TestVenue venue = checkins.readyVenue("SUPERMARKET");
        String token = venue.token();
        String venueId = venue.id();
        Instant start = Instant.now();
        List<String> instances = stack.checkinUrls();
        note("load: %d check-ins/s for %d s, shared by %s%s", rate, total.toSeconds(), instances,
                stack.cluster() ? " (round robin by share, no failover: as a load balancer would until its health check "
                        + "takes a dead instance out)" : "");
        loadStart = System.nanoTime();
        List<Thread> load = new java.util.ArrayList<>();
        for (String instance : instances) {
            Thread t = new Thread(() -> steadyLoad(instance, token, rate / instances.size(), total), "steady-load " + instance);
            t.start();
            load.add(t);
        }
        long t0 = loadStart;
        if (stack.cluster()) {
            sleepUntil(t0, 20);
            String leader = kafkaLeadingMostCheckinPartitions();
            crashAndRestart("the broker leading most checkin.events partitions", List.of(leader), 10);
            awaitFullyReplicated();
            sleepUntil(t0, 75);
            long killedAt = System.nanoTime();
            Thread watcher = crashAndRestart("one checkin-service and one tracing-service instance",
                    List.of("checkin-service", "tracing-service"), 0, () -> awaitQueryable(venueId, start, killedAt));
            watcher.join();
            sleepUntil(t0, 130);
            String first = kafkaLeadingMostCheckinPartitions();
            String second = java.util.stream.Stream.of("kafka-1", "kafka-2", "kafka-3").filter(k -> !k.equals(first))
                    .findFirst().orElseThrow();
            crashAndRestart("two brokers at once (min.insync.replicas 2 not met)", List.of(first, second), 15);
            awaitFullyReplicated();
        } else {
            sleepUntil(t0, 20);
            crashAndRestart("checkin-service", List.of("checkin-service"), 0);
            sleepUntil(t0, 60);
            crashAndRestart("tracing-service", List.of("tracing-service"), 0);
            sleepUntil(t0, 95);
            crashAndRestart("the Kafka broker", List.of("kafka"), 10);
        }
        for (Thread t : load) {
            t.join();
        }
        note("load finished: %d acknowledged (201), statuses %s, transport errors %d (by instance: %s)",
                acknowledged.size(), statuses, transportErrors.get(), transportErrorsByInstance);
        reportRecovery();
        if (stack.cluster()) {
            plotTimeline(root.resolve("docs/img/cluster-faults.png"));
        }
        long sent = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        if (acknowledged.size() < sent / 2) {
            // "0 lost" of next to nothing acknowledged proves nothing: the faults must hit a load that was being taken.
            throw new IllegalStateException("only " + acknowledged.size() + " of " + sent + " check-ins were acknowledged: "
                    + "the run cannot show that acknowledged check-ins survive the faults");
        }

        // Wait until tracing-service has caught up, then compare.
        Map<String, Integer> seen = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            seen = presence(venueId, start.minusSeconds(60), Instant.now().plusSeconds(60));
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
        if (stack.cluster()) {
            note("acknowledged (201) for check-ins due and answered while two brokers were down (from both gone until "
                    + "they were started again): %d", acknowledgedWithoutQuorum.get());
        }
        return log.toString();
    }

    private void steadyLoad(String instance, String token, int rate, Duration total) {
        try (OpenLoad load = new OpenLoad(instance, CheckinBench.CONNECTIONS, 2048)) {
            load.withStatusListener((status, nanos) -> {
                        statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        long now = System.nanoTime();
                        long[] second = timeline.computeIfAbsent((now - loadStart) / 1_000_000_000L, k -> new long[2]);
                        synchronized (second) {
                            second[status == 201 ? 0 : 1]++;
                        }
                        if (status == -1) {
                            transportErrorsByInstance.computeIfAbsent(instance, k -> new AtomicLong()).incrementAndGet();
                        }
                        // Due after both were gone and answered before they were started again.
                        if (status == 201 && now - nanos > quorumLostSince && now < quorumLostUntil) {
                            acknowledgedWithoutQuorum.incrementAndGet();
                        }
                        // Answers only: a refused connection to a killed instance is counted apart (transport errors).
                        if (inOutage && status > 0) {
                            synchronized (outageAnswers) {
                                outageAnswers.computeIfAbsent(instance, k -> new org.HdrHistogram.Histogram(60_000_000_000L, 3))
                                        .recordValue(nanos);
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

    /**
     * Kills {@code components} with SIGKILL together, waits {@code downSeconds}, starts them again together and waits
     * until each is ready; notes what was answered meanwhile.
     */
    private void crashAndRestart(String what, List<String> components, int downSeconds) throws Exception {
        crashAndRestart(what, components, downSeconds, null);
    }

    /** ... and runs {@code whileDown} on its own thread once they are gone (it may outlast the restart). */
    private Thread crashAndRestart(String what, List<String> components, int downSeconds, Runnable whileDown)
            throws Exception {
        long before = acknowledged.size();
        Map<Integer, Long> statusBefore = snapshot();
        synchronized (outageAnswers) {
            outageAnswers.clear();
        }
        long killedAt = System.nanoTime();
        faults.add(new long[]{killedAt, 0});
        faultNames.add(what);
        // All signals first, then wait: two brokers must be down together, not one after the other.
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String component : components) {
            pids.put(component, Long.parseLong(Files.readString(stack.dir.resolve("pids/" + component + ".pid")).strip()));
        }
        for (var e : pids.entrySet()) {
            new ProcessBuilder("kill", "-9", String.valueOf(e.getValue())).start().waitFor();
            note("kill -9 %s (pid %d) at %s: %s", e.getKey(), e.getValue(), Instant.now(), what);
        }
        for (var e : pids.entrySet()) {
            while (ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(20);
            }
            Files.deleteIfExists(stack.dir.resolve("pids/" + e.getKey() + ".pid"));
        }
        if (components.stream().filter(c -> c.startsWith("kafka-")).count() >= 2) {
            // From here on no partition has two live replicas: a check-in due after this cannot be acknowledged.
            quorumLostSince = System.nanoTime();
            note("  all %d gone %.0f ms after the first signal", components.size(), (quorumLostSince - killedAt) / 1e6);
        }
        Thread watcher = null;
        if (whileDown != null) {
            watcher = new Thread(whileDown, "while-down");
            watcher.start();
        }
        inOutage = true;
        Thread.sleep(downSeconds * 1000L);
        long restart = System.nanoTime();
        quorumLostUntil = restart;
        List<Process> starts = new java.util.ArrayList<>();
        for (String component : components) {
            starts.add(new ProcessBuilder(root.resolve("deploy/start-component").toString(), component)
                    .directory(root.toFile()).redirectErrorStream(true).start());
        }
        for (int k = 0; k < starts.size(); k++) {
            String out = new String(starts.get(k).getInputStream().readAllBytes());
            if (starts.get(k).waitFor() != 0) {
                throw new IllegalStateException("restarting " + components.get(k) + " failed: " + out);
            }
        }
        quorumLostSince = Long.MAX_VALUE;
        quorumLostUntil = Long.MAX_VALUE;
        inOutage = false;
        faults.get(faults.size() - 1)[1] = System.nanoTime();
        long acknowledgedDuringOutage = acknowledged.size() - before;
        note("%s ready again %.1f s after restart (down %d s before restart); during the outage: %d acknowledged, "
                        + "status counts %s", String.join(" and ", components), (System.nanoTime() - restart) / 1e9,
                downSeconds, acknowledgedDuringOutage, diff(statusBefore, snapshot()));
        synchronized (outageAnswers) {
            outageAnswers.forEach((instance, h) -> note("  time to answer (from when due) of the %d requests %s answered "
                            + "from the kill until ready again: p50 %.0f ms, p99 %.0f ms, max %.0f ms", h.getTotalCount(),
                    instance, h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6));
        }
        return watcher;
    }

    /** kafka-N leading most partitions of checkin.events now. */
    private String kafkaLeadingMostCheckinPartitions() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrap()))) {
            var partitions = admin.describeTopics(List.of(org.qrtrace.events.Topics.CHECKIN_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(org.qrtrace.events.Topics.CHECKIN_EVENTS).partitions();
            Map<Integer, Long> led = new java.util.TreeMap<>();
            partitions.stream().filter(p -> p.leader() != null).forEach(p -> led.merge(p.leader().id(), 1L, Long::sum));
            note("checkin.events leaders by node: %s", led);
            return "kafka-" + led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /** Waits until every partition of every topic has all its replicas in sync again; notes how long after the fault. */
    private void awaitFullyReplicated() throws Exception {
        long killedAt = faults.get(faults.size() - 1)[0];
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrap()))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                var topics = admin.describeTopics(org.qrtrace.events.Topics.ALL.stream().map(org.qrtrace.events.Topics.TopicSpec::name)
                        .toList()).allTopicNames().get(30, TimeUnit.SECONDS);
                long under = topics.values().stream().flatMap(t -> t.partitions().stream())
                        .filter(p -> p.isr().size() < p.replicas().size()).count();
                if (under == 0) {
                    note("  every partition fully replicated again %.1f s after the kill", (System.nanoTime() - killedAt) / 1e9);
                    return;
                }
                if (System.nanoTime() > deadline) {
                    note("  %d partitions still under-replicated 120 s after the restart", under);
                    return;
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Two seconds after a tracing-service instance was killed, takes the check-ins acknowledged so far (some of them
     * on the partitions the dead instance read) and waits until all are in the presence store: how long the consumer
     * group took to give the dead member's partitions to the other instance (or to the restarted one) and catch up.
     */
    private void awaitQueryable(String venueId, Instant start, long killedAt) {
        try {
            Thread.sleep(2000);
            java.util.Set<String> expected = new java.util.HashSet<>(acknowledged.keySet());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (presence(venueId, start.minusSeconds(60), Instant.now().plusSeconds(60)).keySet().containsAll(expected)) {
                    note("  tracing-service: the %d check-ins acknowledged up to 2 s after the kill are all queryable "
                            + "%.1f s after the kill", expected.size(), (System.nanoTime() - killedAt) / 1e9);
                    return;
                }
                Thread.sleep(250);
            }
            note("  tracing-service: not every acknowledged check-in was queryable 120 s after the kill");
        } catch (Exception e) {
            note("  tracing-service: watching the presence store failed: %s", e);
        }
    }

    /**
     * Per fault: the longest run of seconds without a single 201 after the kill, and when the acknowledgements were
     * back to 90 % of the offered rate for three seconds in a row (the time to recover as a visitor sees it).
     */
    private void reportRecovery() {
        for (int k = 0; k < faults.size(); k++) {
            long from = (faults.get(k)[0] - loadStart) / 1_000_000_000L;
            long end = k + 1 < faults.size() ? (faults.get(k + 1)[0] - loadStart) / 1_000_000_000L
                    : timeline.keySet().stream().max(Long::compare).orElse(from);
            long longestGap = 0;
            long gap = 0;
            long recovered = -1;
            for (long sec = from; sec < end; sec++) {
                long ok = okAt(sec);
                gap = ok == 0 ? gap + 1 : 0;
                longestGap = Math.max(longestGap, gap);
                if (recovered < 0 && sec > from && okAt(sec) >= 0.9 * rate && okAt(sec + 1) >= 0.9 * rate
                        && okAt(sec + 2) >= 0.9 * rate) {
                    recovered = sec - from;
                }
            }
            note("recovery after %s: back to >= 90%% of the offered rate acknowledged %s after the kill; longest "
                    + "stretch with no 201 at all: %d s", faultNames.get(k), recovered < 0 ? "not within the next "
                    + (end - from) + " s" : recovered + " s", longestGap);
        }
    }

    /** Answers per second over the run, 201s and the rest, with the faults' seconds in the title. */
    private void plotTimeline(Path png) throws Exception {
        long last = timeline.keySet().stream().max(Long::compare).orElse(0L);
        double[] x = new double[(int) last + 1];
        double[] ok = new double[x.length];
        double[] other = new double[x.length];
        for (int sec = 0; sec <= last; sec++) {
            x[sec] = sec;
            long[] counts = timeline.getOrDefault((long) sec, new long[2]);
            synchronized (counts) {
                ok[sec] = counts[0];
                other[sec] = counts[1];
            }
        }
        StringBuilder title = new StringBuilder("Check-ins answered per second; kill -9 at");
        for (int k = 0; k < faults.size(); k++) {
            title.append(k == 0 ? " " : ", ").append((faults.get(k)[0] - loadStart) / 1_000_000_000L).append(" s");
        }
        Plots.series(title.toString(), "seconds since the load began", "answers per second",
                List.of("201 acknowledged", "503 or no answer"), List.of(x, x), List.of(ok, other), png);
    }

    private long okAt(long second) {
        long[] counts = timeline.get(second);
        if (counts == null) {
            return 0;
        }
        synchronized (counts) {
            return counts[0];
        }
    }

    /** Visits per check-in id at the venue, read from tracing-service's presence store (what every query reads). */
    private Map<String, Integer> presence(String venueId, Instant from, Instant to) throws Exception {
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
