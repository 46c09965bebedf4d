package org.qrtrace.tracing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's contact as the officer following it up sees it. {@code phone} is filled only for a health officer whose
 * jurisdiction covers the case and every venue of the contact. Notification status (SMS) is a later part of issue #18
 * and not shown yet.
 */
public record CaseContactView(UUID contactId, String tier, String pseudonym, String phone, Instant firstExposure,
                              Instant lastExposure, List<VenueOverlap> venues, FollowUp followUp, Instant followUntil,
                              boolean overdue) {

    public record VenueOverlap(UUID venueId, String venueName, Instant start, Instant end, long minutes) {
    }

    /** What was last recorded; all null until the first follow-up. */
    public record FollowUp(String status, String note, Instant updatedAt) {
    }
}
