package org.qrtrace.venue.repository;

import org.qrtrace.venue.domain.Category;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A venue query; every condition given must hold. {@code adminUnitCodes}: the venue's unit is one of them (the service
 * passes a unit and all units below it), null = anywhere; {@code category}: null = any; {@code nameSearch}: the name,
 * in {@link org.qrtrace.venue.domain.IdentityKey#searchable} form, contains it (the caller converts it), null or empty
 * = any; closed venues are included only when {@code includeClosed}. Ownership: when {@code restrictToOwner}, only
 * venues whose id is in {@code ownedIds} or whose organisation is {@code ownerOrganisation} (null = by id only);
 * otherwise no restriction (an admin), and the owner fields are ignored.
 */
public record VenueFilter(Collection<String> adminUnitCodes, Category category, String nameSearch,
                          boolean includeClosed, boolean restrictToOwner, Set<UUID> ownedIds, String ownerOrganisation) {
}
