package org.qrtrace.checkin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What checkin-service knows of a venue from {@code venue.events}: enough to show the check-in page and judge a QR
 * code, nothing more. Immutable; each event yields a new instance.
 *
 * @param name        null while only later events of a venue were seen (its registration compacted away)
 * @param venueTokens versions of the venue's own code (no entrance)
 * @param entrances   each entrance's name and versions
 */
public record KnownVenue(UUID id, String name, String category, TokenLine venueTokens, Map<UUID, KnownEntrance> entrances,
                         List<Revocation> revocations, Instant closedAt) {

    public KnownVenue {
        entrances = Map.copyOf(entrances);
        revocations = List.copyOf(revocations);
    }

    /** An entrance with its own code. */
    public record KnownEntrance(String name, TokenLine tokens) {
    }

    /** A venue first seen through an event other than its registration. */
    public static KnownVenue placeholder(UUID id) {
        return new KnownVenue(id, null, null, TokenLine.issued(1), Map.of(), List.of(), null);
    }

    public KnownVenue withDescription(String newName, String newCategory) {
        return new KnownVenue(id, newName, newCategory, venueTokens, entrances, revocations, closedAt);
    }

    public KnownVenue withVenueTokens(TokenLine tokens) {
        return new KnownVenue(id, name, category, tokens, entrances, revocations, closedAt);
    }

    public KnownVenue withEntrance(UUID entranceId, KnownEntrance entrance) {
        Map<UUID, KnownEntrance> next = new HashMap<>(entrances);
        next.put(entranceId, entrance);
        return new KnownVenue(id, name, category, venueTokens, next, revocations, closedAt);
    }

    public KnownVenue withRevocation(Revocation revocation) {
        List<Revocation> next = new ArrayList<>(revocations);
        next.add(revocation);
        return new KnownVenue(id, name, category, venueTokens, entrances, next, closedAt);
    }

    public KnownVenue closed(Instant at) {
        return new KnownVenue(id, name, category, venueTokens, entrances, revocations, closedAt == null ? at : closedAt);
    }

    /** The versions of the code of {@code entranceId} (null: the venue's own code); null when the entrance is unknown. */
    public TokenLine tokensOf(UUID entranceId) {
        if (entranceId == null) {
            return venueTokens;
        }
        KnownEntrance entrance = entrances.get(entranceId);
        return entrance == null ? null : entrance.tokens();
    }

    public String entranceName(UUID entranceId) {
        KnownEntrance entrance = entranceId == null ? null : entrances.get(entranceId);
        return entrance == null ? null : entrance.name();
    }

    public boolean isClosedAt(Instant at) {
        return closedAt != null && !at.isBefore(closedAt);
    }

    public Revocation revocationOf(UUID entranceId, int version, Instant at) {
        for (Revocation r : revocations) {
            if (r.covers(entranceId, version, at)) {
                return r;
            }
        }
        return null;
    }
}
