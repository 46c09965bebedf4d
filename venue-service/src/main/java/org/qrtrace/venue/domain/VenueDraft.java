package org.qrtrace.venue.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A venue's fields after validation (phone already E.164), as the service hands them to the repository.
 * {@code entranceNames} is empty for an update (entrances are added one by one). {@code adminUnitGivenOn}: the day the
 * code was checked for, which with the code names the unit (see {@link Venue}).
 */
public record VenueDraft(String name, Category category, String adminUnitCode, LocalDate adminUnitGivenOn,
                         String address, String contactPhone, Integer capacity, String organisation,
                         List<String> entranceNames) {

    public VenueDraft {
        entranceNames = entranceNames == null ? List.of() : List.copyOf(entranceNames);
    }

    public IdentityKey identity() {
        return IdentityKey.of(adminUnitCode, name, address);
    }
}
