package org.qrtrace.bench;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * An open-model load (wrk2 style): requests start at a constant arrival rate whatever the server's speed, and each
 * latency is measured from the moment the request was due, not from when it was sent, so a stalled server cannot hide
 * its queueing delay (no coordinated omission). Requests go over a fixed pool of keep-alive HTTP/1.1 connections (like
 * pgbench's clients; a request due while all are busy waits for one, and that wait counts) from a Netty client with
 * two event-loop threads, so the generator's own CPU stays small beside the system it loads on the same cores (the
 * JDK's HttpClient used ~0.8 ms of CPU per request, as much as the service it measured). Bounded in count and time;
 * loopback only.
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

    private static final long TIMEOUT_MS = 10_000;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
    private final HttpClient client;
    private final int maxOutstanding;
    private IntConsumer statusListener = status -> { };

    /**
     * @param baseUrl        e.g. http://127.0.0.1:8082
     * @param connections    keep-alive connections to use at most (64, as pgbench's clients)
     * @param maxOutstanding requests in flight or waiting for a connection beyond which new ones are dropped (counted)
     */
    OpenLoad(String baseUrl, int connections, int maxOutstanding) {
        URI uri = URI.create(baseUrl);
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                        .setDefaultPort(uri.getPort()).setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.maxOutstanding = maxOutstanding;
    }

    /** Told every response's status (-1 for a transport failure). */
    OpenLoad withStatusListener(IntConsumer listener) {
        this.statusListener = listener;
        return this;
    }

    /**
     * @param request   the i-th request
     * @param okStatus  the status that counts as success
     * @param onSuccess called with (i, response) for every response with that status (e.g. to sample lag), or null
     */
    Result run(int rate, Duration duration, LongFunction<Request> request, int okStatus,
               BiConsumer<Long, Response> onSuccess) throws InterruptedException {
        Histogram latencies = new Histogram(60_000_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Semaphore outstanding = new Semaphore(maxOutstanding);
        long total = (long) rate * duration.toSeconds();
        CountDownLatch done = new CountDownLatch((int) total);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        // Every request ends exactly once: answered, failed, or given up by the sweeper below (a safety net: a request
        // the client never reports back on must not hang the benchmark; it counts as an error and is reported).
        Map<Long, Long> inFlight = new ConcurrentHashMap<>();
        AtomicLong swept = new AtomicLong();
        LongConsumer finish = index -> {
            if (inFlight.remove(index) != null) {
                outstanding.release();
                done.countDown();
            }
        };
        long sweeper = vertx.setPeriodic(1000, id -> {
            long now = System.nanoTime();
            inFlight.forEach((index, due) -> {
                if (now - due > (TIMEOUT_MS + 5000) * 1_000_000L && inFlight.containsKey(index)) {
                    swept.incrementAndGet();
                    errors.incrementAndGet();
                    finish.accept(index);
                }
            });
        });
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait); // may return early
            }
            if (!outstanding.tryAcquire()) {
                dropped.incrementAndGet();
                done.countDown();
                continue;
            }
            final long index = i;
            inFlight.put(index, due);
            Request r = request.apply(i);
            // connect timeout: to get a connection from the pool; idle timeout: no answer on it for that long
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(r.path())
                    .setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS).putHeader("Content-Type", "application/json");
            r.headers().forEach(options::putHeader);
            client.request(options)
                    .compose(req -> req.send(Buffer.buffer(r.body())))
                    .compose(response -> response.body().map(body -> new Response(response.statusCode(), body.toString())))
                    .onComplete(result -> {
                        if (!inFlight.containsKey(index)) {
                            return; // given up by the sweeper
                        }
                        try {
                            long latency = Math.max(0, System.nanoTime() - due);
                            synchronized (latencies) {
                                latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
                            }
                            Response response = result.succeeded() ? result.result() : null;
                            statusListener.accept(response == null ? -1 : response.status());
                            if (response != null && response.status() == okStatus) {
                                ok.incrementAndGet();
                                if (onSuccess != null) {
                                    onSuccess.accept(index, response);
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } finally {
                            finish.accept(index);
                        }
                    });
        }
        done.await();
        vertx.cancelTimer(sweeper);
        if (swept.get() > 0) {
            System.out.printf("  (%d requests never reported back by the HTTP client within %d s; counted as errors)%n",
                    swept.get(), TIMEOUT_MS / 1000 + 5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rate, total, ok.get(), errors.get(), dropped.get(), ok.get() / seconds,
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(90) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6, latencies.getMaxValue() / 1e6);
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
