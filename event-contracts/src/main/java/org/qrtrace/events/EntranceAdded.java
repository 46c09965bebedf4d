package org.qrtrace.events;

import java.util.UUID;

/** An entrance (with its own QR code) was added to a venue. */
public record EntranceAdded(UUID venueId, UUID entranceId, String name, int tokenVersion) implements EventPayload {
}
