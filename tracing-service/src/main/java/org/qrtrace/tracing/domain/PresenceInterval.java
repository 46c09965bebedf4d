package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One person's presence at a venue: the half-open interval {@code [start, end)} from check-in to the explicit or
 * automatic check-out. {@code sealedContact} is the call-back channel sealed for the health authority (may be null).
 */
public record PresenceInterval(UUID checkinId, String pseudonym, UUID venueId, Instant start, Instant end,
                               String sealedContact) {

    public PresenceInterval {
        Objects.requireNonNull(checkinId, "checkinId");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a presence interval must end after it starts");
        }
    }

    public boolean intersects(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    /** The interval extended by the buffer after check-out: people stay exposed to what a case left behind. */
    public Window extendedBy(Duration buffer) {
        return new Window(venueId, start, end.plus(buffer));
    }

    /** A venue and a half-open time range {@code [start, end)}. */
    public record Window(UUID venueId, Instant start, Instant end) {
    }
}
