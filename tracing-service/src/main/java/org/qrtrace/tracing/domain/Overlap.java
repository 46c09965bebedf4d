package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * A contact's visit ({@code contactCheckinId}) overlapping an extended visit of the index case (F1) or of an F1 (F2) at
 * {@code venueId} during {@code [start, end)}.
 */
public record Overlap(UUID venueId, Instant start, Instant end, UUID contactCheckinId, String sealedContact) {

    public static final Comparator<Overlap> ORDER = Comparator.comparing(Overlap::start).thenComparing(Overlap::end)
            .thenComparing(Overlap::venueId).thenComparing(Overlap::contactCheckinId);

    /** Whole minutes of overlap (rounded down). */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }
}
