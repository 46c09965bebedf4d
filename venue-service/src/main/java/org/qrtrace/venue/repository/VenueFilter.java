package org.qrtrace.venue.repository;

import org.qrtrace.venue.domain.Category;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A venue query. {@code adminUnitCodes}: the unit and its descendants (null = anywhere); {@code nameSearch}: already in
 * {@link org.qrtrace.venue.domain.IdentityKey#searchable} form; ownership: {@code null} owner fields = no restriction
 * (admin), otherwise venues whose id is in {@code ownedIds} or whose organisation is {@code ownerOrganisation}.
 */
public record VenueFilter(Collection<String> adminUnitCodes, Category category, String nameSearch,
                          boolean includeClosed, boolean restrictToOwner, Set<UUID> ownedIds, String ownerOrganisation) {
}
