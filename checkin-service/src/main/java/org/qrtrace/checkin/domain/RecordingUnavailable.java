package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.Unavailable;

import java.time.Duration;

/** Kafka could not take the check-in (or check-out, or gate batch) now: nothing was saved; try again later. */
public final class RecordingUnavailable extends Unavailable {

    public RecordingUnavailable(Duration retryAfter) {
        super("the check-in could not be recorded right now and nothing was saved; "
                + "try again (with the same Idempotency-Key)", retryAfter);
    }
}
