package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The QR token of a venue (entranceId null) or of one entrance was re-issued with a new version. Tokens of older
 * versions stay valid until {@code previousValidUntil}, then are rejected as superseded.
 */
public record QrKeyRotated(UUID venueId, UUID entranceId, int tokenVersion, Instant previousValidUntil)
        implements EventPayload {
}
