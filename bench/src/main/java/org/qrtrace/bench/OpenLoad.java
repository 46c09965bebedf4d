package org.qrtrace.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * An open-model load (wrk2 style): requests start at a constant arrival rate whatever the server's speed, and each
 * latency is measured from the moment the request was due, not from when it was sent, so a stalled server cannot hide
 * its queueing delay (no coordinated omission). Bounded in count and time; loopback only.
 */
final class OpenLoad {

    /** What one step measured. */
    record Result(int targetRate, long sent, long ok, long errors, long clientDropped, double achievedRate,
                  double p50Ms, double p90Ms, double p99Ms, double maxMs) {
        boolean sustained(double p99LimitMs) {
            return errors == 0 && clientDropped == 0 && p99Ms <= p99LimitMs && achievedRate >= 0.95 * targetRate;
        }
    }

    private final HttpClient client;
    private final int maxOutstanding;
    private java.util.function.IntConsumer statusListener = status -> { };

    OpenLoad(HttpClient client, int maxOutstanding) {
        this.client = client;
        this.maxOutstanding = maxOutstanding;
    }

    /** Told every response's status (-1 for a transport failure). */
    OpenLoad withStatusListener(java.util.function.IntConsumer listener) {
        this.statusListener = listener;
        return this;
    }

    /**
     * @param request      the i-th request
     * @param onSuccess    called with (i, response) for every 2xx response (e.g. to sample lag)
     * @param okStatus     the status that counts as success
     */
    Result run(int rate, Duration duration, LongFunction<HttpRequest> request, int okStatus,
               BiConsumer<Long, HttpResponse<String>> onSuccess) throws InterruptedException {
        Histogram latencies = new Histogram(60_000_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        Semaphore outstanding = new Semaphore(maxOutstanding);
        long total = (long) rate * duration.toSeconds();
        CountDownLatch done = new CountDownLatch((int) total);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!outstanding.tryAcquire()) {
                dropped.incrementAndGet();
                done.countDown();
                continue;
            }
            final long index = i;
            client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                synchronized (latencies) {
                    latencies.recordValue(Math.min(latency, latencies.getHighestTrackableValue()));
                }
                statusListener.accept(failure == null ? response.statusCode() : -1);
                if (failure == null && response.statusCode() == okStatus) {
                    ok.incrementAndGet();
                    if (onSuccess != null) {
                        onSuccess.accept(index, response);
                    }
                } else {
                    errors.incrementAndGet();
                }
                outstanding.release();
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(rate, total, ok.get(), errors.get(), dropped.get(), ok.get() / seconds,
                latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(90) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6, latencies.getMaxValue() / 1e6);
    }
}
