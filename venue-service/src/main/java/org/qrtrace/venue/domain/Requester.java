package org.qrtrace.venue.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who asks, as far as venue ownership is concerned: an admin sees every venue; a venue manager the venues listed in
 * its token and those of its organisation; anyone else none.
 */
public record Requester(boolean admin, boolean venueManager, Set<UUID> venueIds, Optional<String> organisation) {

    public Requester {
        venueIds = venueIds == null ? Set.of() : Set.copyOf(venueIds);
        organisation = organisation == null ? Optional.empty() : organisation.filter(o -> !o.isBlank());
    }

    public boolean mayManageVenues() {
        return admin || venueManager;
    }

    public boolean owns(Venue venue) {
        if (admin) {
            return true;
        }
        if (!venueManager) {
            return false;
        }
        return venueIds.contains(venue.id())
                || (venue.organisation() != null && organisation.map(venue.organisation()::equals).orElse(false));
    }
}
