package org.qrtrace.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every event travels in: {@code eventId}, {@code type}, {@code schemaVersion}, {@code occurredAt},
 * {@code producer}, {@code payload}. Consumers deduplicate by {@code eventId}.
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String producer,
                            EventPayload payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
        if (!EventType.of(payload).wireName().equals(type)) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + payload.getClass().getSimpleName());
        }
    }

    public static EventEnvelope of(UUID eventId, Instant occurredAt, String producer, EventPayload payload) {
        return new EventEnvelope(eventId, EventType.of(payload).wireName(), EventType.CURRENT_SCHEMA_VERSION,
                occurredAt, producer, payload);
    }

    /** An event id derived deterministically from a name (e.g. a client's idempotency key): a name-based UUID, version 3 (MD5; {@link UUID#nameUUIDFromBytes}), the same for every retry. */
    public static UUID deterministicId(String namespace, String name) {
        return UUID.nameUUIDFromBytes((namespace + "\u0000" + name).getBytes(StandardCharsets.UTF_8));
    }

    public EventType eventType() {
        return EventType.of(payload);
    }

    /**
     * The Kafka record key: the venue id, so a venue's events stay ordered in one partition (an event about no venue:
     * its own key, {@link EventPayload#recordKey()}).
     */
    public String key() {
        return payload.recordKey();
    }

    public String topic() {
        return eventType().topic();
    }
}
