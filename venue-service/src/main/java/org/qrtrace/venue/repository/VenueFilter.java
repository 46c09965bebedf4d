package org.qrtrace.venue.repository;

import org.qrtrace.venue.domain.Category;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A venue query; every condition given must hold. {@code adminUnits}: the venue's unit is one of them, null = anywhere:
 * a venue matches when its code is among the codes of one of the entries and was given on one of that entry's days
 * (the service passes the units a unit covers, whichever edition of the list they are of); {@code category}: null = any; {@code nameSearch}: the name,
 * in {@link org.qrtrace.venue.domain.IdentityKey#searchable} form, contains it (the caller converts it), null or empty
 * = any; closed venues are included only when {@code includeClosed}; {@code visibility}: which venues the requester may
 * see at all.
 */
public record VenueFilter(List<UnitCodes> adminUnits, Category category, String nameSearch,
                          boolean includeClosed, Visibility visibility) {

    /**
     * Venues whose code is one of {@code codes} and was given on a day in [{@code givenFrom}, {@code givenBefore});
     * null bounds are open.
     */
    public record UnitCodes(Collection<String> codes, LocalDate givenFrom, LocalDate givenBefore) {

        public UnitCodes {
            codes = List.copyOf(codes);
        }
    }

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
