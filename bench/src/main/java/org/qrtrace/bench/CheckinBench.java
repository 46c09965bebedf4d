package org.qrtrace.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmarks 1 and 2 of the benchmark issue: acknowledged check-ins per second under an open-model load stepped up
 * until p99 > 100 ms or errors appear, against pgbench's durable single-row inserts with the same concurrency; and the
 * scan-to-queryable lag (201 -> the visit appears in an exposure query).
 */
final class CheckinBench {

    static final double P99_LIMIT_MS = 100;
    private static final AtomicLong PHONES = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 10);

    /** Keep-alive connections of the load generator: as many as pgbench's clients in the baseline. */
    static final int CONNECTIONS = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "64"));

    private final Stack stack;
    private final OpenLoad load;

    private final CpuMeter cpu;

    CheckinBench(Stack stack) {
        this.stack = stack;
        this.load = new OpenLoad(stack.url("CHECKIN"), CONNECTIONS, 4096);
        this.cpu = new CpuMeter(stack.dir);
    }

    /** A unique, valid Vietnamese mobile number per request, so no check-in is a duplicate of another. */
    static String nextPhone() {
        String digits = Long.toString(PHONES.incrementAndGet() % 10_000_000);
        return "098" + "0000000".substring(digits.length()) + digits;
    }

    /** A new visitor's check-in at the venue of {@code token}, with a new Idempotency-Key. */
    static OpenLoad.Request checkin(String token, String phone) {
        return new OpenLoad.Request("/api/v1/checkins", Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                "{\"token\":\"" + token + "\",\"phone\":\"" + phone + "\",\"name\":\"Người thử tải\"}");
    }

    /** The same check-in, sent once with the JDK client (set-up steps, not the measured load). */
    HttpResponse<String> checkinOnce(String token, String phone) throws Exception {
        return checkinOnce(stack.url("CHECKIN"), token, phone);
    }

    HttpResponse<String> checkinOnce(String checkinUrl, String token, String phone) throws Exception {
        OpenLoad.Request r = checkin(token, phone);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(checkinUrl + r.path()))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
        r.headers().forEach(b::header);
        return stack.http.send(b.POST(HttpRequest.BodyPublishers.ofString(r.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A venue registered for the run and its venue-level QR token. */
    record TestVenue(String id, String token) {
    }

    String readyVenueToken(String category) throws Exception {
        return readyVenue(category).token();
    }

    TestVenue readyVenue(String category) throws Exception {
        JsonNode venue = stack.createVenue("Siêu thị thử tải " + UUID.randomUUID().toString().substring(0, 8), category, "288");
        String token = Stack.tokenOf(venue.path("qrUrl").asText());
        long deadline = System.currentTimeMillis() + 60_000;
        // Every instance learns of the venue from venue.events by itself.
        for (String instance : stack.checkinUrls()) {
            while (true) {
                HttpResponse<String> r = checkinOnce(instance, token, nextPhone());
                if (r.statusCode() == 201) {
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("checkin-service at " + instance + " does not accept the new venue: "
                            + r.statusCode() + " " + r.body());
                }
                Thread.sleep(500);
            }
        }
        return new TestVenue(venue.path("id").asText(), token);
    }

    /**
     * A freshly started JVM interprets the signature and sealing code at first: ramp up so the warm-up itself does not
     * overload it, and far enough that the steps measure compiled code (a run whose warm-up stopped at 150/s measured a
     * cold checkin-service: ~1.9 ms of CPU per check-in at 300/s instead of ~0.6 ms).
     */
    static final int[] WARM_UP = {20, 50, 100, 150, 300, 500, 700};

    List<OpenLoad.Result> stepUp(int[] rates, Duration step) throws Exception {
        String token = readyVenueToken("SUPERMARKET");
        return stepUp(load, cpu, WARM_UP, rates, step, i -> checkin(token, nextPhone()));
    }

    /** Warms up (10 s per rate), then steps the rate up until a step is not sustained; each step measured and printed. */
    static List<OpenLoad.Result> stepUp(OpenLoad load, CpuMeter cpu, int[] warmUp, int[] rates, Duration step,
                                        java.util.function.LongFunction<OpenLoad.Request> request) throws InterruptedException {
        for (int rate : warmUp) {
            System.out.println("warm-up: " + rate + "/s for 10 s");
            load.run(rate, Duration.ofSeconds(10), request, 201, null);
        }
        List<OpenLoad.Result> results = new ArrayList<>();
        for (int rate : rates) {
            OpenLoad.Result r = measuredStep(load, cpu, rate, step, request);
            results.add(r);
            if (!r.sustained(P99_LIMIT_MS)) {
                break;
            }
            Thread.sleep(2000);
        }
        return results;
    }

    /** A restarted service interprets its code at first: ramp up, then the rate itself once, unmeasured. */
    private void warmUp(String token, int rate) throws InterruptedException {
        for (int warm : new int[] {50, 150, Math.max(150, rate / 2), rate}) {
            load.run(warm, Duration.ofSeconds(warm == rate ? 10 : 5), i -> checkin(token, nextPhone()), 201, null);
        }
    }

    /** One constant rate for a while (to profile a component under load), with where the CPU went. */
    OpenLoad.Result hold(int rate, Duration duration) throws Exception {
        String token = readyVenueToken("SUPERMARKET");
        warmUp(token, rate);
        return measuredStep(load, cpu, rate, duration, i -> checkin(token, nextPhone()));
    }

    /**
     * One constant rate for {@code minutes} minutes after the warm-up, measured minute by minute (one open-model step
     * per minute, back to back): whether p99 stays flat over time (issue #22 item 3).
     */
    /** The minute at the full rate before the hold, and the hold's minutes. */
    record LongHold(OpenLoad.Result firstMinute, List<OpenLoad.Result> perMinute) {
    }

    LongHold longHold(int rate, int minutes) throws Exception {
        String token = readyVenueToken("SUPERMARKET");
        warmUp(token, rate);
        // A stack started just before is not in its steady state after the short warm-up: its first minute at the full
        // rate saturated this machine's CPU for ~25 s (every JVM compiling its hot paths under full load for the first
        // time, and PostgreSQL's first checkpoint; docs/benchmarks.md). That minute is measured and printed, apart.
        System.out.println("minute 0 (the first at this rate: reported apart, not part of the hold)");
        OpenLoad.Result first = measuredStep(load, cpu, rate, Duration.ofMinutes(1), i -> checkin(token, nextPhone()));
        List<OpenLoad.Result> perMinute = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            System.out.printf("minute %d of %d%n", m, minutes);
            perMinute.add(measuredStep(load, cpu, rate, Duration.ofMinutes(1), i -> checkin(token, nextPhone())));
        }
        return new LongHold(first, perMinute);
    }

    /** New requests at one rate for a while; prints the latencies and the CPU each process used per request. */
    static OpenLoad.Result measuredStep(OpenLoad load, CpuMeter cpu, int rate, Duration duration,
                                        java.util.function.LongFunction<OpenLoad.Request> request) throws InterruptedException {
        CpuMeter.Sample before = cpu.sample();
        OpenLoad.Result r = load.run(rate, duration, request, 201, null);
        CpuMeter.Sample after = cpu.sample();
        System.out.printf("rate %5d/s: achieved %7.1f/s ok %6d errors %4d dropped %4d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                r.targetRate(), r.achievedRate(), r.ok(), r.errors(), r.clientDropped(), r.p50Ms(), r.p99Ms(), r.maxMs());
        // The latencies are of every answer: a step made of quick refusals would look fast and measure nothing.
        if (r.ok() == 0 || r.errors() > r.ok()) {
            throw new IllegalStateException(String.format("the step at %d/s had %d check-ins acknowledged and %d errors: "
                    + "it measures refusals, not check-ins (is the stack healthy?)", r.targetRate(), r.ok(), r.errors()));
        }
        System.out.print(CpuMeter.report(before, after, r.ok()));
        return r;
    }

    /**
     * Lag from each sampled 201 to the moment its visit is in tracing-service's presence store, the rows every exposure
     * query reads. One watcher polls the store every 10 ms for all pending samples in one query on the (venue, check-in
     * time) index, from the oldest pending sample's time on (an earlier version looked the ids up without an index and,
     * at 2,000/s, its scans took the CPU the consumer needed); polling the
     * query API per sample would itself load tracing-service); at the end a sample is checked through the API too.
     */
    List<Double> lag(int rate, Duration duration, int sampleEvery) throws Exception {
        TestVenue venue = readyVenue("SUPERMARKET");
        warmUp(venue.token(), rate);
        Map<String, Long> pending = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Double> lags = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(UUID.fromString(venue.id()), pending, lags, loading), "lag-watcher");
        watcher.start();
        OpenLoad.Result r = load.run(rate, duration, i -> checkin(venue.token(), nextPhone()), 201, (i, response) -> {
            if (i % sampleEvery == 0) {
                long acknowledged = System.nanoTime();
                try {
                    pending.put(stack.json.readTree(response.body()).path("checkinId").asText(), acknowledged);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        loading.set(false);
        watcher.join();
        System.out.printf("lag load: %d/s achieved %.1f/s p99 %.1f ms; %d samples, %d never seen%n", rate, r.achievedRate(),
                r.p99Ms(), lags.size(), pending.size());
        return new ArrayList<>(lags);
    }

    private void watch(UUID venue, Map<String, Long> pending, ConcurrentLinkedQueue<Double> lags,
                       java.util.concurrent.atomic.AtomicBoolean loading) {
        // Acknowledged at nanoTime t means checked in (server clock, same machine) no earlier than now - (now - t) - 5 s.
        long nanoOrigin = System.nanoTime();
        Instant wallOrigin = Instant.now();
        try (java.sql.Connection c = stack.database("tracing");
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT DISTINCT checkin_id::text FROM visit "
                     + "WHERE venue_id = ? AND checked_in_at >= ? AND checkin_id = ANY (?::uuid[])")) {
            ps.setObject(1, venue);
            while (loading.get() || !pending.isEmpty()) {
                if (!pending.isEmpty()) {
                    long oldest = pending.values().stream().mapToLong(Long::longValue).min().orElse(System.nanoTime());
                    Instant since = wallOrigin.plusNanos(oldest - nanoOrigin).minusSeconds(5);
                    ps.setObject(2, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
                    ps.setArray(3, c.createArrayOf("text", pending.keySet().toArray()));
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        long now = System.nanoTime();
                        while (rs.next()) {
                            Long acknowledged = pending.remove(rs.getString(1));
                            if (acknowledged != null) {
                                lags.add((now - acknowledged) / 1e6);
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            System.err.println("lag watcher failed: " + e);
        }
    }
}
