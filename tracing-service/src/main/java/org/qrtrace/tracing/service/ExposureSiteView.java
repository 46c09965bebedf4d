package org.qrtrace.tracing.service;

import org.qrtrace.tracing.repository.ExposureSiteRepository.SiteRow;
import org.qrtrace.tracing.repository.VenueDirectory.Venue;

import java.time.Instant;
import java.util.UUID;

/**
 * An exposure site as the officers see it: with its case and who published it. {@code advice} is null when the
 * default advice is shown to the public.
 */
public record ExposureSiteView(UUID id, UUID caseId, UUID venueId, String venueName, String address,
                               String adminUnitCode, Instant from, Instant to, String advice, Instant publishedAt,
                               String publishedBy, Instant withdrawnAt) {

    static ExposureSiteView of(SiteRow s, Venue venue) {
        return new ExposureSiteView(s.id(), s.caseId(), s.venueId(), venue == null ? null : venue.name(),
                venue == null ? null : venue.address(), s.adminUnitCode().value(), s.from(), s.to(), s.advice(),
                s.publishedAt(), s.publishedBy(), s.withdrawnAt());
    }
}
