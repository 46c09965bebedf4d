package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of the SMS that told a case's contact of an exposure: accepted by the SMSC ({@code SUBMITTED}), then
 * its delivery receipt's outcome. For counting and dashboards, so it names no person: no phone, no pseudonym, no
 * contact id, no case reference; {@code venueId} and {@code adminUnitCode} are those of the exposure the message was
 * about. One event per message and status.
 */
public record ContactNotified(UUID notificationId, UUID caseId, Tier tier, UUID venueId, String adminUnitCode,
                              Status status, Instant occurredAt) implements EventPayload {

    /** F1 overlapped the case; F2 overlapped an F1. */
    public enum Tier { F1, F2 }

    /** The states of a message that are worth telling: accepted by the SMSC, and the receipt's outcomes. */
    public enum Status { SUBMITTED, DELIVERED, FAILED, EXPIRED }
}
