package org.qrtrace.tracing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's contact as the officer following it up sees it. {@code phone} is filled only for a health officer whose
 * jurisdiction covers the case and every venue of the contact. {@code notification} is the latest SMS to the contact
 * (of the latest tier notified), null until one is queued.
 */
public record CaseContactView(UUID contactId, String tier, String pseudonym, String phone, Instant firstExposure,
                              Instant lastExposure, List<VenueOverlap> venues, FollowUp followUp, Instant followUntil,
                              boolean overdue, Notification notification) {

    public record VenueOverlap(UUID venueId, String venueName, Instant start, Instant end, long minutes) {
    }

    /** Where the latest SMS to the contact is: QUEUED, SENDING, SUBMITTED, DELIVERED, FAILED or EXPIRED. */
    public record Notification(String status, Instant updatedAt) {
    }

    /** What was last recorded; all null until the first follow-up. */
    public record FollowUp(String status, String note, Instant updatedAt) {
    }
}
