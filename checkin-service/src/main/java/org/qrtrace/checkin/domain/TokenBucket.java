package org.qrtrace.checkin.domain;

/**
 * A token bucket: {@code capacity} requests (or scans) at once, refilled at {@code perMinute}. Thread-safe; time is passed in so
 * the rule is testable without sleeping.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedNanos;

    public TokenBucket(int capacity, int perMinute, long nowNanos) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.capacity = capacity;
        this.perNano = perMinute / 60e9;
        this.tokens = capacity;
        this.updatedNanos = nowNanos;
    }

    /** Takes one token: 0 when allowed, otherwise the whole seconds until one is available (for Retry-After). */
    public int tryTake(long nowNanos) {
        return tryTake(nowNanos, 1);
    }

    /**
     * Takes {@code count} tokens at once, or none: 0 when allowed, otherwise the whole seconds until that many are
     * available (for Retry-After). A count above the capacity is treated as the capacity (it waits for a full bucket),
     * so a large request is slowed down, never refused for ever.
     */
    public synchronized int tryTake(long nowNanos, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        double wanted = Math.min(count, capacity);
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - updatedNanos) * perNano);
        updatedNanos = nowNanos;
        if (tokens >= wanted) {
            tokens -= wanted;
            return 0;
        }
        return (int) Math.max(1, Math.ceil((wanted - tokens) / perNano / 1e9));
    }
}
