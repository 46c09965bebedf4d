package org.qrtrace.events;

import java.util.UUID;

/**
 * The payload of an event. Every event but one concerns one venue, and the venue id is the Kafka key on every topic, so
 * that all events of a venue keep their order within one partition. The exception, {@link AdminUnitPopulationSet},
 * concerns an administrative unit: it has no venue and is keyed by the unit's code, so that the figures of one unit
 * keep their order.
 */
public sealed interface EventPayload
        permits VenueRegistered, VenueUpdated, EntranceAdded, QrKeyRotated, QrTokenRevoked, VenueClosed,
        CheckedIn, CheckedOut, AdminUnitPopulationSet, ExposureSitePublished, ExposureSiteWithdrawn,
        ContactNotified {

    /** The venue the event concerns; null for an event about no venue ({@link AdminUnitPopulationSet}). */
    UUID venueId();

    /** The Kafka record key: the venue id, or what an event about no venue is keyed by; null when the payload lacks it. */
    default String recordKey() {
        return venueId() == null ? null : venueId().toString();
    }

    /** The payload field the record key comes from, named when a decoded payload lacks it. */
    default String recordKeyField() {
        return "venueId";
    }
}
