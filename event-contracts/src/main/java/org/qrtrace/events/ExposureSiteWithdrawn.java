package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/** An exposure site was withdrawn (published in error, or no longer relevant): it leaves the public list. */
public record ExposureSiteWithdrawn(UUID siteId, UUID venueId, Instant withdrawnAt) implements EventPayload {
}
