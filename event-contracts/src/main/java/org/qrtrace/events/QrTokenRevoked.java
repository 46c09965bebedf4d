package org.qrtrace.events;

import java.util.UUID;

/**
 * QR tokens of a venue (entranceId null: every entrance) up to and including {@code tokenVersion} are revoked at once,
 * with no grace period.
 */
public record QrTokenRevoked(UUID venueId, UUID entranceId, int tokenVersion, String reason) implements EventPayload {
}
