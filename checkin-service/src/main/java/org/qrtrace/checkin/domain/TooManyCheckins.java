package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.RateLimited;

import java.time.Duration;

/** Too many anonymous check-ins from one network or with one QR code; nothing was recorded. */
public final class TooManyCheckins extends RateLimited {

    private TooManyCheckins(String from, Duration retryAfter) {
        super("too many check-ins " + from + "; try again in " + retryAfter.toSeconds() + " s", retryAfter);
    }

    public static TooManyCheckins fromNetwork(Duration retryAfter) {
        return new TooManyCheckins("from this network", retryAfter);
    }

    public static TooManyCheckins withCode(Duration retryAfter) {
        return new TooManyCheckins("with this code", retryAfter);
    }
}
