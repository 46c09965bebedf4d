package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.RateLimited;

import java.time.Duration;

/** A gate device uploads scans faster than its scan rate; nothing of the batch was recorded. */
public final class GateDeviceTooFast extends RateLimited {

    public GateDeviceTooFast(int perMinute, Duration retryAfter) {
        super("this gate device is uploading scans faster than " + perMinute + " per minute; nothing of this batch "
                + "was recorded; send it again in " + retryAfter.toSeconds() + " s", retryAfter);
    }
}
