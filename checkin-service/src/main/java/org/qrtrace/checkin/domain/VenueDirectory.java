package org.qrtrace.checkin.domain;

import org.qrtrace.events.EntranceAdded;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.EventPayload;
import org.qrtrace.events.QrKeyRotated;
import org.qrtrace.events.QrTokenRevoked;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.VenueUpdated;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The venues as told by {@code venue.events}, kept in memory. One thread applies events (in partition order, so each
 * venue's events in order); any thread reads. Check-in events and unknown types are ignored.
 */
public final class VenueDirectory {

    private final Map<UUID, KnownVenue> venues = new ConcurrentHashMap<>();

    public Optional<KnownVenue> find(UUID venueId) {
        return Optional.ofNullable(venues.get(venueId));
    }

    public int size() {
        return venues.size();
    }

    public void apply(EventEnvelope event) {
        EventPayload payload = event.payload();
        if (payload instanceof VenueRegistered r) {
            venues.compute(r.venueId(), (id, old) -> {
                KnownVenue v = (old == null ? KnownVenue.placeholder(id) : old)
                        .withDescription(r.name(), r.category())
                        .withVenueTokens(TokenLine.issued(r.tokenVersion()));
                for (VenueRegistered.Entrance e : r.entrances()) {
                    v = v.withEntrance(e.entranceId(), new KnownVenue.KnownEntrance(e.name(), TokenLine.issued(e.tokenVersion())));
                }
                return v;
            });
        } else if (payload instanceof VenueUpdated u) {
            update(u.venueId(), v -> v.withDescription(u.name(), u.category()));
        } else if (payload instanceof EntranceAdded a) {
            update(a.venueId(), v -> v.withEntrance(a.entranceId(),
                    new KnownVenue.KnownEntrance(a.name(), TokenLine.issued(a.tokenVersion()))));
        } else if (payload instanceof QrKeyRotated k) {
            update(k.venueId(), v -> rotate(v, k));
        } else if (payload instanceof QrTokenRevoked t) {
            update(t.venueId(), v -> v.withRevocation(
                    new Revocation(t.entranceId(), t.tokenVersion(), event.occurredAt(), t.reason())));
        } else if (payload instanceof VenueClosed c) {
            update(c.venueId(), v -> v.closed(c.closedAt() != null ? c.closedAt() : event.occurredAt()));
        }
        // check-in events never travel on venue.events; nothing else to keep
    }

    private static KnownVenue rotate(KnownVenue v, QrKeyRotated k) {
        if (k.entranceId() == null) {
            return v.withVenueTokens(v.venueTokens().rotated(k.tokenVersion(), k.previousValidUntil()));
        }
        KnownVenue.KnownEntrance entrance = v.entrances().get(k.entranceId());
        TokenLine tokens = entrance == null ? TokenLine.issued(k.tokenVersion()) : entrance.tokens();
        return v.withEntrance(k.entranceId(), new KnownVenue.KnownEntrance(entrance == null ? null : entrance.name(),
                tokens.rotated(k.tokenVersion(), k.previousValidUntil())));
    }

    private void update(UUID venueId, java.util.function.UnaryOperator<KnownVenue> change) {
        venues.compute(venueId, (id, old) -> change.apply(old == null ? KnownVenue.placeholder(id) : old));
    }
}
