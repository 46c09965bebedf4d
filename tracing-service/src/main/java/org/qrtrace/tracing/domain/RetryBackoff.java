package org.qrtrace.tracing.domain;

import java.time.Duration;

/** Exponential backoff: the wait after the n-th failure is {@code first} doubled n-1 times, at most {@code max}. */
public record RetryBackoff(Duration first, Duration max) {

    public RetryBackoff {
        if (first == null || max == null || first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs a positive first wait and a maximum not below it");
        }
    }

    /** @param failures failures so far, 1 or more */
    public Duration after(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
