package org.qrtrace.tracing.service;

import org.qrtrace.common.error.InvalidInput;

import java.time.Duration;
import java.time.Instant;

/** The rules of a time window {@code [from, to)} read by officers: both given, ordered, and not longer than allowed. */
final class QueryWindow {

    private QueryWindow() {
    }

    static void check(Instant from, Instant to, Duration maxWindow) {
        if (from == null || to == null) {
            throw InvalidInput.field(from == null ? "from" : "to", "is required");
        }
        if (!to.isAfter(from)) {
            throw InvalidInput.field("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(maxWindow) > 0) {
            throw InvalidInput.field("to", "the window may span at most " + maxWindow.toDays() + " days");
        }
    }
}
