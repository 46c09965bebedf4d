package org.qrtrace.venue.service;

import org.qrtrace.events.AdminUnitPopulationSet;
import org.qrtrace.events.EntranceAdded;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.EventPayload;
import org.qrtrace.events.QrKeyRotated;
import org.qrtrace.events.QrTokenRevoked;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.VenueUpdated;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.PopulationFigure;
import org.qrtrace.venue.domain.Venue;

import java.time.Instant;
import java.util.UUID;

/**
 * The events venue-service publishes on {@code venue.events}, built from the domain: the venue events (the contact phone
 * is never part of an event) and the population figures of administrative units.
 */
final class VenueEvents {

    static final String PRODUCER = "venue-service";

    private VenueEvents() {
    }

    static EventEnvelope registered(Venue v, Instant at) {
        return envelope(at, new VenueRegistered(v.id(), v.name(), v.category().name(), v.adminUnitCode(), v.address(),
                v.capacity(), v.organisation(), v.tokenVersion(), v.entrances().stream()
                .map(e -> new VenueRegistered.Entrance(e.id(), e.name(), e.tokenVersion())).toList()));
    }

    static EventEnvelope updated(Venue v, Instant at) {
        return envelope(at, new VenueUpdated(v.id(), v.name(), v.category().name(), v.adminUnitCode(), v.address(),
                v.capacity(), v.organisation()));
    }

    static EventEnvelope entranceAdded(Entrance e, Instant at) {
        return envelope(at, new EntranceAdded(e.venueId(), e.id(), e.name(), e.tokenVersion()));
    }

    static EventEnvelope rotated(UUID venueId, UUID entranceId, int version, Instant previousValidUntil, Instant at) {
        return envelope(at, new QrKeyRotated(venueId, entranceId, version, previousValidUntil));
    }

    static EventEnvelope revokedAll(Venue v, String reason, Instant at) {
        return envelope(at, new QrTokenRevoked(v.id(), null, v.highestTokenVersion(), reason));
    }

    static EventEnvelope closed(Venue v, String reason, Instant at) {
        return envelope(at, new VenueClosed(v.id(), at, reason));
    }

    static EventEnvelope populationSet(PopulationFigure f) {
        return envelope(f.setAt(), new AdminUnitPopulationSet(f.edition(), f.code(), f.count(), f.year(), f.source(),
                f.setAt()));
    }

    private static EventEnvelope envelope(Instant at, EventPayload payload) {
        return EventEnvelope.of(UUID.randomUUID(), at, PRODUCER, payload);
    }
}
