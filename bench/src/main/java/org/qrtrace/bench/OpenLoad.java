package org.qrtrace.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * An open-model load (wrk2 style): requests start at a constant arrival rate whatever the server's speed, and each
 * latency is measured from the moment the request was due, not from when it was sent, so a stalled server cannot hide
 * its queueing delay (no coordinated omission). Requests go over a fixed pool of keep-alive HTTP/1.1 connections (like
 * pgbench's clients; a request due while all are busy waits for one, and that wait counts). Bounded in count and time;
 * loopback only.
 *
 * <p>The generator shares the cores with what it measures, so it must cost little: like wrk2, each of its
 * {@value #LANES} event loops (a "lane") sends its own share of the requests from a 1 ms timer, every request due by
 * then in one go, and records its latencies in its own histogram. An earlier version sent every request from one
 * scheduling thread that slept until each was due and handed it to an event loop: two thread wake-ups per request,
 * ~80 µs of CPU per request at 2,500/s, a third of what the check-in service itself used.
 */
final class OpenLoad implements AutoCloseable {

    /** One POST: path and query, extra headers, JSON body. */
    record Request(String path, Map<String, String> headers, String body) {
    }

    /** What came back. */
    record Response(int status, String body) {
    }

    /** What one step measured. */
    record Result(int targetRate, long sent, long ok, long errors, long clientDropped, double achievedRate,
                  double p50Ms, double p90Ms, double p99Ms, double maxMs) {
        boolean sustained(double p99LimitMs) {
            return errors == 0 && clientDropped == 0 && p99Ms <= p99LimitMs && achievedRate >= 0.95 * targetRate;
        }
    }

    static final int LANES = 2;
    private static final long TIMEOUT_MS = 10_000;
    private static final long TICK_MS = 1;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(LANES).setWorkerPoolSize(1));
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private volatile StatusListener statusListener = (status, nanosSinceDue) -> { };

    /** Told every response's status (-1 for a transport failure) and its time to answer, counted from when it was due. */
    interface StatusListener {
        void accept(int status, long nanosSinceDue);
    }

    /**
     * @param baseUrl        e.g. http://127.0.0.1:8082
     * @param connections    keep-alive connections to use at most (64, as pgbench's clients), shared out over the lanes
     * @param maxOutstanding requests in flight or waiting for a connection beyond which new ones are dropped (counted)
     */
    OpenLoad(String baseUrl, int connections, int maxOutstanding) {
        URI uri = URI.create(baseUrl);
        HttpClientOptions http = new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5000);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(Math.max(1, connections / LANES)).setMaxWaitQueueSize(-1);
        try {
            vertx.deployVerticle(() -> new Lane(http, pool, Math.max(1, maxOutstanding / LANES)),
                    new DeploymentOptions().setInstances(LANES)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the load generator", e);
        }
    }

    /** Told every response's status and time to answer, on the generator's event loops. */
    OpenLoad withStatusListener(StatusListener listener) {
        this.statusListener = listener;
        return this;
    }

    /**
     * @param request   the i-th request (called on the generator's event loops: must be thread-safe)
     * @param okStatus  the status that counts as success
     * @param onSuccess called with (i, response) for every response with that status (e.g. to sample lag), or null;
     *                  on the generator's event loops
     */
    Result run(int rate, Duration duration, LongFunction<Request> request, int okStatus,
               BiConsumer<Long, Response> onSuccess) throws InterruptedException {
        long total = (long) rate * duration.toSeconds();
        Step step = new Step(total, 1_000_000_000L / rate, System.nanoTime() + 5_000_000L, request, okStatus, onSuccess,
                new CountDownLatch(lanes.size()));
        for (int k = 0; k < lanes.size(); k++) {
            Lane lane = lanes.get(k);
            int first = k;
            lane.context.runOnContext(v -> lane.begin(step, first, lanes.size()));
        }
        step.done().await();
        Histogram latencies = new Histogram(60_000_000_000L, 3);
        long ok = 0;
        long errors = 0;
        long dropped = 0;
        long swept = 0;
        for (Lane lane : lanes) {
            latencies.add(lane.latencies);
            ok += lane.ok;
            errors += lane.errors;
            dropped += lane.dropped;
            swept += lane.swept;
        }
        if (swept > 0) {
            System.out.printf("  (%d requests never reported back by the HTTP client within %d s; counted as errors)%n",
                    swept, TIMEOUT_MS / 1000 + 5);
        }
        double seconds = (System.nanoTime() - step.start()) / 1e9;
        return new Result(rate, total, ok, errors, dropped, ok / seconds,
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(90) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6, latencies.getMaxValue() / 1e6);
    }

    /** One run's schedule: request i is due at start + i * interval. */
    private record Step(long total, long intervalNanos, long start, LongFunction<Request> request, int okStatus,
                        BiConsumer<Long, Response> onSuccess, CountDownLatch done) {
    }

    /** One event loop's share of a run: requests first, first + lanes, ...; all its state is touched on its loop only. */
    private final class Lane extends AbstractVerticle {
        private final HttpClientOptions httpOptions;
        private final PoolOptions poolOptions;
        private final int maxOutstanding;
        private io.vertx.core.Context context;
        private HttpClient client;

        private Step step;
        private long next;
        private int stride;
        private long assigned;
        private long finished;
        private int outstanding;
        private long tickTimer;
        private long sweepTimer;
        /** Requests in flight: index -> due time; one that outlives the timeouts is given up as an error. */
        private final Map<Long, Long> inFlight = new HashMap<>();
        private Histogram latencies;
        private long ok;
        private long errors;
        private long dropped;
        private long swept;

        Lane(HttpClientOptions httpOptions, PoolOptions poolOptions, int maxOutstanding) {
            this.httpOptions = httpOptions;
            this.poolOptions = poolOptions;
            this.maxOutstanding = maxOutstanding;
        }

        @Override
        public void start() {
            context = vertx.getOrCreateContext();
            client = vertx.createHttpClient(httpOptions, poolOptions);
            lanes.add(this);
        }

        void begin(Step s, int first, int lanes) {
            step = s;
            next = first;
            stride = lanes;
            assigned = s.total() <= first ? 0 : (s.total() - first + lanes - 1) / lanes;
            finished = 0;
            outstanding = 0;
            inFlight.clear();
            latencies = new Histogram(60_000_000_000L, 3);
            ok = errors = dropped = swept = 0;
            if (assigned == 0) {
                s.done().countDown();
                return;
            }
            tickTimer = vertx.setPeriodic(TICK_MS, id -> tick());
            sweepTimer = vertx.setPeriodic(1000, id -> sweep());
        }

        /** Sends every request of this lane that is due by now. */
        private void tick() {
            long now = System.nanoTime();
            while (next < step.total() && step.start() + next * step.intervalNanos() <= now) {
                long index = next;
                next += stride;
                if (outstanding >= maxOutstanding) {
                    dropped++;
                    finished++;
                    continue;
                }
                send(index, step.start() + index * step.intervalNanos());
            }
            if (next >= step.total()) {
                vertx.cancelTimer(tickTimer);
            }
            checkDone();
        }

        private void send(long index, long due) {
            Step s = step;
            outstanding++;
            inFlight.put(index, due);
            Request r = s.request().apply(index);
            // connect timeout: to get a connection from the pool; idle timeout: no answer on it for that long
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(r.path())
                    .setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS).putHeader("Content-Type", "application/json");
            r.headers().forEach(options::putHeader);
            client.request(options)
                    .compose(req -> req.send(Buffer.buffer(r.body())))
                    .compose(response -> response.body().map(body -> new Response(response.statusCode(), body.toString())))
                    .onComplete(result -> {
                        if (s != step || inFlight.remove(index) == null) {
                            return; // given up by the sweeper
                        }
                        long answeredAfter = Math.min(Math.max(0, System.nanoTime() - due), latencies.getHighestTrackableValue());
                        latencies.recordValue(answeredAfter);
                        Response response = result.succeeded() ? result.result() : null;
                        statusListener.accept(response == null ? -1 : response.status(), answeredAfter);
                        if (response != null && response.status() == s.okStatus()) {
                            ok++;
                            if (s.onSuccess() != null) {
                                s.onSuccess().accept(index, response);
                            }
                        } else {
                            errors++;
                        }
                        outstanding--;
                        finished++;
                        checkDone();
                    });
        }

        /** A request the client never reports back on must not hang the benchmark: it counts as an error. */
        private void sweep() {
            long now = System.nanoTime();
            List<Long> stale = new ArrayList<>();
            inFlight.forEach((index, due) -> {
                if (now - due > (TIMEOUT_MS + 5000) * 1_000_000L) {
                    stale.add(index);
                }
            });
            for (Long index : stale) {
                inFlight.remove(index);
                swept++;
                errors++;
                outstanding--;
                finished++;
            }
            checkDone();
        }

        private void checkDone() {
            if (finished == assigned && next >= step.total()) {
                vertx.cancelTimer(sweepTimer);
                finished = Long.MIN_VALUE; // count down once
                step.done().countDown();
            }
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing a load generator that cannot close is not worth failing a benchmark over
        }
    }
}
