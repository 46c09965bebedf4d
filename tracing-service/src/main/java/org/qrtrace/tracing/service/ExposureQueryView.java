package org.qrtrace.tracing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An exposure query as the officer sees it. {@code phone} and {@code name} are filled only for a health officer whose
 * jurisdiction contains every venue shown (all shown venues are inside it by construction).
 */
public record ExposureQueryView(UUID queryId, String caseReference, Instant createdAt, Parameters parameters,
                                List<IndexVisit> indexVisits, List<ContactView> contacts, Omitted omitted) {

    public record Parameters(String indexPseudonym, Instant from, Instant to, int bufferMinutes, int minOverlapMinutes,
                             int depth) {
    }

    public record IndexVisit(UUID venueId, String venueName, Instant checkedInAt, Instant checkedOutAt) {
    }

    public record ContactView(String pseudonym, String phone, String name, String tier, Instant exposureStart,
                              List<OverlapView> overlaps) {
    }

    public record OverlapView(UUID venueId, String venueName, Instant start, Instant end, long minutes) {
    }

    /** What the caller's jurisdiction hides: visits and contacts only at venues outside it. */
    public record Omitted(int indexVisitsOutsideJurisdiction, int contactsOutsideJurisdiction) {
    }
}
