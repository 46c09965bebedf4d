package org.qrtrace.events;

import java.util.Arrays;
import java.util.Optional;

/** The event types of docs/architecture.md: the name written in the envelope's {@code type}, its payload class and topic. */
public enum EventType {
    VENUE_REGISTERED("VenueRegistered", VenueRegistered.class, Topics.VENUE_EVENTS),
    VENUE_UPDATED("VenueUpdated", VenueUpdated.class, Topics.VENUE_EVENTS),
    ENTRANCE_ADDED("EntranceAdded", EntranceAdded.class, Topics.VENUE_EVENTS),
    QR_KEY_ROTATED("QrKeyRotated", QrKeyRotated.class, Topics.VENUE_EVENTS),
    QR_TOKEN_REVOKED("QrTokenRevoked", QrTokenRevoked.class, Topics.VENUE_EVENTS),
    VENUE_CLOSED("VenueClosed", VenueClosed.class, Topics.VENUE_EVENTS),
    ADMIN_UNIT_POPULATION_SET("AdminUnitPopulationSet", AdminUnitPopulationSet.class, Topics.VENUE_EVENTS),
    CHECKED_IN("CheckedIn", CheckedIn.class, Topics.CHECKIN_EVENTS),
    CHECKED_OUT("CheckedOut", CheckedOut.class, Topics.CHECKIN_EVENTS),
    EXPOSURE_SITE_PUBLISHED("ExposureSitePublished", ExposureSitePublished.class, Topics.TRACING_EVENTS),
    EXPOSURE_SITE_WITHDRAWN("ExposureSiteWithdrawn", ExposureSiteWithdrawn.class, Topics.TRACING_EVENTS),
    CONTACT_NOTIFIED("ContactNotified", ContactNotified.class, Topics.TRACING_EVENTS);

    /** Schema version written by this build; readers accept this version and older. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private final String wireName;
    private final Class<? extends EventPayload> payloadClass;
    private final String topic;

    EventType(String wireName, Class<? extends EventPayload> payloadClass, String topic) {
        this.wireName = wireName;
        this.payloadClass = payloadClass;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadClass == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + payload.getClass()));
    }
}
