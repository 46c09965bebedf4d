package org.qrtrace.venue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registered venue. {@code tokenVersion}/{@code tokenIssuedAt} belong to the venue-level QR code (no entrance);
 * each entrance has its own. {@code contactPhone} is E.164 and personal data: it is never logged.
 * {@code adminUnitCode} is the code as it was given and {@code adminUnitGivenOn} the local day it was given (the
 * registration day, or the day of the update that changed it): together they name the unit, because a code means the
 * unit it named that day (docs/architecture.md, "Administrative units").
 */
public record Venue(UUID id, String name, Category category, String adminUnitCode, LocalDate adminUnitGivenOn,
                    String address, String contactPhone, Integer capacity, String organisation, int tokenVersion,
                    Instant tokenIssuedAt, Instant createdAt, Instant updatedAt, Instant closedAt, String closeReason,
                    List<Entrance> entrances) {

    public Venue {
        entrances = entrances == null ? List.of() : List.copyOf(entrances);
    }

    public boolean closed() {
        return closedAt != null;
    }

    public Venue withEntrances(List<Entrance> list) {
        return new Venue(id, name, category, adminUnitCode, adminUnitGivenOn, address, contactPhone, capacity,
                organisation, tokenVersion, tokenIssuedAt, createdAt, updatedAt, closedAt, closeReason, list);
    }

    /** The highest token version of the venue and its entrances: a revocation up to it covers every code. */
    public int highestTokenVersion() {
        int max = tokenVersion;
        for (Entrance e : entrances) {
            max = Math.max(max, e.tokenVersion());
        }
        return max;
    }
}
