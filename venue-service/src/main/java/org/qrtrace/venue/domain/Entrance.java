package org.qrtrace.venue.domain;

import java.time.Instant;
import java.util.UUID;

/** An entrance of a venue, with its own QR code (token version and when that version was issued). */
public record Entrance(UUID id, UUID venueId, String name, int position, int tokenVersion, Instant tokenIssuedAt) {
}
