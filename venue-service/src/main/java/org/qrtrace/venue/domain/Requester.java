package org.qrtrace.venue.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks, as far as the venue registry is concerned: an admin, a venue manager, the venue ids listed in its token
 * and its organisation. What each may see and change is decided in one place, {@code service.VenueAccess}.
 */
public record Requester(boolean admin, boolean venueManager, Set<UUID> venueIds, Optional<String> organisation) {

    public Requester {
        venueIds = venueIds == null ? Set.of() : Set.copyOf(venueIds);
        organisation = organisation == null ? Optional.empty() : organisation.filter(o -> !o.isBlank());
    }
}
