package org.qrtrace.events;

import java.util.List;
import java.util.UUID;

/**
 * A venue was registered with its entrances. {@code tokenVersion} is the version of the venue-level QR token (the one
 * without an entrance); each entrance carries the version of its own token.
 */
public record VenueRegistered(UUID venueId, String name, String category, String adminUnitCode, String address,
                              Integer capacity, String organisation, int tokenVersion, List<Entrance> entrances)
        implements EventPayload {

    public VenueRegistered {
        entrances = entrances == null ? List.of() : List.copyOf(entrances);
    }

    /** An entrance and the version of its QR token currently issued. */
    public record Entrance(UUID entranceId, String name, int tokenVersion) {
    }
}
