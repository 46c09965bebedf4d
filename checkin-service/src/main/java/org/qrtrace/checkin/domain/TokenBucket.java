package org.qrtrace.checkin.domain;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code perMinute}. Thread-safe; time is passed in so
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
    public synchronized int tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - updatedNanos) * perNano);
        updatedNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (int) Math.max(1, Math.ceil((1 - tokens) / perNano / 1e9));
    }
}
