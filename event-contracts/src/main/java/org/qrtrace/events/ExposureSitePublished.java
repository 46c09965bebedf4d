package org.qrtrace.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A health officer published a venue and a time window at which a confirmed case was present (an exposure site), for
 * the public list visitors check themselves against. Nothing here identifies the case or anyone else: no case id or
 * reference, no phone, no pseudonym, no officer. {@code adminUnitCode} is the venue's unit when published;
 * {@code advice} is what the officer wrote for visitors, absent when the configured default advice applies.
 */
public record ExposureSitePublished(UUID siteId, UUID venueId, String venueName, String adminUnitCode, Instant from,
                                    Instant to, String advice, Instant publishedAt) implements EventPayload {
}
