package org.qrtrace.checkin.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A visit this instance checked in and that is not known to have ended: used to merge repeated scans of the same
 * person into one visit and to pair a gate OUT scan with its IN. {@code outcome} completes once Kafka acknowledged
 * the check-in (and fails if it did not).
 */
public record Visit(UUID checkinId, UUID venueId, String pseudonym, Instant checkedInAt, Instant autoCheckoutAt,
                    CompletableFuture<CheckinOutcome> outcome) {

    /** Whether a scan at {@code at} belongs to this visit (same person and venue within {@code window}). */
    public boolean absorbs(Instant at, Duration window) {
        return Duration.between(checkedInAt, at).abs().compareTo(window) < 0;
    }

    /** The key under which a person's open visit at a venue is kept. */
    public record Key(UUID venueId, String pseudonym) {
    }

    public Key key() {
        return new Key(venueId, pseudonym);
    }
}
