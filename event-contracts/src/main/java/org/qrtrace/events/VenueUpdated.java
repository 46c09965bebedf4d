package org.qrtrace.events;

import java.util.UUID;

/** A venue's descriptive fields changed; the full new state of those fields is carried. */
public record VenueUpdated(UUID venueId, String name, String category, String adminUnitCode, String address,
                           Integer capacity, String organisation) implements EventPayload {
}
