package org.qrtrace.common.error;

import java.time.Duration;

/** Too many requests from one source; the caller may try again after the given time. */
public class RateLimited extends DomainException {

    private final Duration retryAfter;

    public RateLimited(String detail, Duration retryAfter) {
        this(null, detail, retryAfter);
    }

    public RateLimited(String title, String detail, Duration retryAfter) {
        super(title, detail);
        this.retryAfter = retryAfter;
    }

    /** When to try again, or null when the caller cannot be told. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
