package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/** A visit ended by an explicit check-out (visitor's link or a gate scan OUT). */
public record CheckedOut(UUID checkinId, UUID venueId, String pseudonym, Instant checkedOutAt, Source source)
        implements EventPayload {

    public enum Source { VISITOR, GATE }
}
