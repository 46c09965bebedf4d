package org.qrtrace.venue.domain;

import java.util.List;

/**
 * A venue's fields after validation (phone already E.164), as the service hands them to the repository.
 * {@code entranceNames} is empty for an update (entrances are added one by one).
 */
public record VenueDraft(String name, Category category, String adminUnitCode, String address, String contactPhone,
                         Integer capacity, String organisation, List<String> entranceNames) {

    public VenueDraft {
        entranceNames = entranceNames == null ? List.of() : List.copyOf(entranceNames);
    }

    public IdentityKey identity() {
        return IdentityKey.of(adminUnitCode, name, address);
    }
}
