package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/** A venue was closed: all its QR tokens are revoked and no further check-ins are accepted. */
public record VenueClosed(UUID venueId, Instant closedAt, String reason) implements EventPayload {
}
