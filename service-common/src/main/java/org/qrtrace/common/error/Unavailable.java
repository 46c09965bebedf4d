package org.qrtrace.common.error;

import java.time.Duration;
import java.util.List;

/** The request could not be carried out now and nothing was kept; the caller may try again after the given time. */
public class Unavailable extends DomainException {

    private final Duration retryAfter;

    public Unavailable(String detail, Duration retryAfter) {
        this(null, detail, retryAfter);
    }

    public Unavailable(String title, String detail, Duration retryAfter) {
        this(title, detail, retryAfter, List.of());
    }

    public Unavailable(String title, String detail, Duration retryAfter, List<FieldError> errors) {
        super(title, detail, errors);
        this.retryAfter = retryAfter;
    }

    /** When to try again, or null when the caller cannot be told. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
