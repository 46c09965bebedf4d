package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a contact is followed after their last exposure (an incubation period), and whether their follow-up is
 * overdue: past that time and still without a final status ({@link FollowUpStatus#isFinal()}).
 */
public record FollowUpPeriod(Duration length) {

    public FollowUpPeriod {
        if (length == null || length.isNegative()) {
            throw new IllegalArgumentException("a follow-up period is zero or more");
        }
    }

    public Instant followUntil(Instant lastExposure) {
        return lastExposure.plus(length);
    }

    /** {@code status} may be null (nothing recorded yet). */
    public boolean overdue(Instant lastExposure, FollowUpStatus status, Instant now) {
        return now.isAfter(followUntil(lastExposure)) && (status == null || !status.isFinal());
    }
}
