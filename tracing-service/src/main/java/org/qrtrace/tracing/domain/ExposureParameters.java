package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The validated parameters of an exposure query (docs/architecture.md, "Exposure query"). */
public record ExposureParameters(Instant from, Instant to, Duration buffer, Duration minOverlap, int depth) {

    public ExposureParameters {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        if (buffer.isNegative() || minOverlap.isNegative()) {
            throw new IllegalArgumentException("buffer and minimum overlap cannot be negative");
        }
        if (depth != 1 && depth != 2) {
            throw new IllegalArgumentException("depth must be 1 or 2");
        }
    }
}
