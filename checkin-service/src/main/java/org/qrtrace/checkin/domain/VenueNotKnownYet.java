package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.Unavailable;

import java.time.Duration;

/** A genuine code of a venue this instance has not heard of yet (its events are on the way): try again shortly. */
public final class VenueNotKnownYet extends Unavailable implements QrCodeRefused {

    /** How long a client should wait before trying the code again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final TokenRejection rejection;

    public VenueNotKnownYet(TokenRejection rejection) {
        super("Venue not known yet", rejection.message(), RETRY_AFTER, QrCodeRefused.errors(rejection));
        this.rejection = rejection;
    }

    @Override
    public TokenRejection rejection() {
        return rejection;
    }
}
