package org.qrtrace.venue.repository;

import org.qrtrace.venue.domain.Category;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A venue query; every condition given must hold. {@code adminUnitCodes}: the venue's unit is one of them (the service
 * passes a unit and all units below it), null = anywhere; {@code category}: null = any; {@code nameSearch}: the name,
 * in {@link org.qrtrace.venue.domain.IdentityKey#searchable} form, contains it (the caller converts it), null or empty
 * = any; closed venues are included only when {@code includeClosed}; {@code visibility}: which venues the requester may
 * see at all.
 */
public record VenueFilter(Collection<String> adminUnitCodes, Category category, String nameSearch,
                          boolean includeClosed, Visibility visibility) {

    /**
     * Every venue ({@code all}, an admin), or only those whose id is in {@code venueIds} or whose organisation is
     * {@code organisation} (null = by id only).
     */
    public record Visibility(boolean all, Set<UUID> venueIds, String organisation) {

        public Visibility {
            venueIds = venueIds == null ? Set.of() : Set.copyOf(venueIds);
        }

        public static Visibility everything() {
            return new Visibility(true, Set.of(), null);
        }

        public static Visibility only(Set<UUID> venueIds, String organisation) {
            return new Visibility(false, venueIds, organisation);
        }
    }
}
