package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.events.ContactNotified;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.EventPayload;
import org.qrtrace.events.EventType;
import org.qrtrace.events.Topics;
import org.qrtrace.tracing.domain.NotificationStatus;
import org.qrtrace.tracing.domain.Tier;
import org.qrtrace.tracing.repository.OutboxRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What tracing-service tells others on {@link Topics#TRACING_EVENTS}: each event is appended to the outbox inside the
 * caller's transaction, so it is published if and only if the change that caused it commits
 * (messaging.TracingEventRelay sends it; docs/architecture.md, "Data flow and guarantees"). No event names a person:
 * the payloads of this topic have no phone, pseudonym or case reference.
 */
@ApplicationScoped
public class TracingEvents {

    /** The envelope's {@code producer}. */
    public static final String PRODUCER = "tracing-service";

    private final OutboxRepository outbox;

    TracingEvents(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /**
     * Appends an event of this topic, in the caller's transaction (none: refused). {@code eventId} should be
     * deterministic where a repeat of the call must not be a second event: appending an id already there changes
     * nothing and answers false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(UUID eventId, Instant occurredAt, EventPayload payload) {
        if (!Topics.TRACING_EVENTS.equals(EventType.of(payload).topic())) {
            throw new IllegalArgumentException(EventType.of(payload).wireName() + " is not an event of " + Topics.TRACING_EVENTS);
        }
        return outbox.append(EventEnvelope.of(eventId, occurredAt.truncatedTo(ChronoUnit.MICROS), PRODUCER, payload));
    }

    /**
     * A contact's SMS reached {@code status} (SUBMITTED, or a receipt's DELIVERED, FAILED, EXPIRED): one event per
     * message and status, however often this is called for them. {@code venueId} and {@code adminUnitCode} are those of
     * the exposure the message was about. For the notification code; call it in the transaction that records the status.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean contactNotified(UUID notificationId, UUID caseId, Tier tier, UUID venueId, AdminUnitCode adminUnitCode,
                                   NotificationStatus status, Instant occurredAt) {
        ContactNotified.Status told = switch (status) {
            case SUBMITTED -> ContactNotified.Status.SUBMITTED;
            case DELIVERED -> ContactNotified.Status.DELIVERED;
            case FAILED -> ContactNotified.Status.FAILED;
            case EXPIRED -> ContactNotified.Status.EXPIRED;
            case QUEUED, SENDING -> throw new IllegalArgumentException(
                    "a message " + status + " has not left yet: nothing to tell");
        };
        ContactNotified payload = new ContactNotified(notificationId, caseId, ContactNotified.Tier.valueOf(tier.name()),
                venueId, adminUnitCode.value(), told, occurredAt.truncatedTo(ChronoUnit.MICROS));
        return append(eventId(EventType.CONTACT_NOTIFIED, notificationId + "/" + told), occurredAt, payload);
    }

    /** The id of the one event of a type about {@code subject} (e.g. a site's publication, a message's status). */
    static UUID eventId(EventType type, String subject) {
        return EventEnvelope.deterministicId(type.wireName(), subject);
    }
}
