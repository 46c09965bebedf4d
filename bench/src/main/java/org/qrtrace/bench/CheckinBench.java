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

    private final Stack stack;
    private final OpenLoad load;

    CheckinBench(Stack stack) {
        this.stack = stack;
        this.load = new OpenLoad(stack.http, 4096);
    }

    /** A unique, valid Vietnamese mobile number per request, so no check-in is a duplicate of another. */
    static String nextPhone() {
        return String.format("098%07d", PHONES.incrementAndGet() % 10_000_000);
    }

    HttpRequest checkin(String token, String phone) {
        String body = "{\"token\":\"" + token + "\",\"phone\":\"" + phone + "\",\"name\":\"Người thử tải\"}";
        return HttpRequest.newBuilder(URI.create(stack.url("CHECKIN") + "/api/v1/checkins"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
        while (true) {
            HttpResponse<String> r = stack.http.send(checkin(token, nextPhone()), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                return new TestVenue(venue.path("id").asText(), token);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("checkin-service does not accept the new venue: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(500);
        }
    }

    List<OpenLoad.Result> stepUp(int[] rates, Duration step) throws Exception {
        String token = readyVenueToken("SUPERMARKET");
        System.out.println("warm-up: 200/s for 10 s");
        load.run(200, Duration.ofSeconds(10), i -> checkin(token, nextPhone()), 201, null);
        List<OpenLoad.Result> results = new ArrayList<>();
        for (int rate : rates) {
            OpenLoad.Result r = load.run(rate, step, i -> checkin(token, nextPhone()), 201, null);
            results.add(r);
            System.out.printf("rate %5d/s: achieved %7.1f/s ok %6d errors %4d dropped %4d  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                    r.targetRate(), r.achievedRate(), r.ok(), r.errors(), r.clientDropped(), r.p50Ms(), r.p99Ms(), r.maxMs());
            if (!r.sustained(P99_LIMIT_MS)) {
                break;
            }
            Thread.sleep(2000);
        }
        return results;
    }

    /** Lag from each sampled 201 to the moment the visit is returned by an exposure query for that phone. */
    List<Double> lag(int rate, Duration duration, int sampleEvery) throws Exception {
        String token = readyVenueToken("SUPERMARKET");
        String officer = stack.token("health-officer", null, "30");
        ConcurrentLinkedQueue<Double> lags = new ConcurrentLinkedQueue<>();
        List<Thread> pollers = new ArrayList<>();
        String[] phones = new String[(int) (rate * duration.toSeconds())];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = nextPhone();
        }
        OpenLoad.Result r = load.run(rate, duration, i -> checkin(token, phones[(int) i]), 201, (i, response) -> {
            if (i % sampleEvery != 0) {
                return;
            }
            long acknowledged = System.nanoTime();
            Thread t = new Thread(() -> poll(officer, phones[(int) (long) i], acknowledged, lags), "lag-poll");
            t.setDaemon(true);
            t.start();
            synchronized (pollers) {
                pollers.add(t);
            }
        });
        for (Thread t : List.copyOf(pollers)) {
            t.join(60_000);
        }
        System.out.printf("lag load: %d/s achieved %.1f/s p99 %.1f ms; %d samples%n", rate, r.achievedRate(), r.p99Ms(), lags.size());
        return new ArrayList<>(lags);
    }

    private void poll(String officer, String phone, long acknowledged, ConcurrentLinkedQueue<Double> lags) {
        Instant now = Instant.now();
        String body = "{\"caseReference\":\"BENCH-LAG\",\"phone\":\"" + phone + "\",\"from\":\"" + now.minusSeconds(3600)
                + "\",\"to\":\"" + now.plusSeconds(3600) + "\",\"depth\":1}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("TRACING") + "/api/v1/exposure-queries"))
                .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long deadline = acknowledged + 30_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = stack.http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && !stack.json.readTree(r.body()).path("indexVisits").isEmpty()) {
                    lags.add((System.nanoTime() - acknowledged) / 1e6);
                    return;
                }
                Thread.sleep(25);
            }
        } catch (Exception e) {
            System.err.println("lag poll failed: " + e);
        }
    }
}
