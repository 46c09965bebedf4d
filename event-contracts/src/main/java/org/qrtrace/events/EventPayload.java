package org.qrtrace.events;

import java.util.UUID;

/**
 * The payload of an event. Every event concerns one venue, and the venue id is the Kafka key on every topic, so that
 * all events of a venue keep their order within one partition.
 */
public sealed interface EventPayload
        permits VenueRegistered, VenueUpdated, EntranceAdded, QrKeyRotated, QrTokenRevoked, VenueClosed,
        CheckedIn, CheckedOut, ExposureSitePublished, ExposureSiteWithdrawn, ContactNotified {

    UUID venueId();
}
