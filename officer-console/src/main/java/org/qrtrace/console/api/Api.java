package org.qrtrace.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The tracing-service answers the console reads, as records (unknown fields ignored, so that a field added to an API
 * does not break the console). The shapes are those of tracing-service's README.
 */
public final class Api {

    private Api() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(UUID id, String caseReference, String pseudonym, Instant confirmedAt, String adminUnitCode,
                       String status, Instant createdAt, String createdBy, UUID linkedFromCaseId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChainNode(UUID id, String caseReference, Instant confirmedAt, List<ChainNode> children) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(UUID contactId, String tier, String pseudonym, String phone, Instant firstExposure,
                          Instant lastExposure, List<VenueOverlap> venues, FollowUp followUp, Instant followUntil,
                          boolean overdue, Notification notification) {

        public List<VenueOverlap> venues() {
            return venues == null ? List.of() : venues;
        }

        public String followUpStatus() {
            return followUp == null ? null : followUp.status();
        }

        public String notificationStatus() {
            return notification == null ? null : notification.status();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VenueOverlap(UUID venueId, String venueName, Instant start, Instant end, long minutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(String status, String note, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(String status, Instant updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotificationResult(int queued, int alreadyNotified, int unreachable, int outsideJurisdiction) {
    }

    /** tracing-service's rendering of what a notify would send (its own templates): one example text, or none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotificationPreview(String language, List<String> tiers, int contacts, String example, Integer parts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExposureQuery(UUID queryId, String caseReference, Instant createdAt, QueryParameters parameters,
                                List<IndexVisit> indexVisits, List<QueryContact> contacts, Omitted omitted) {

        public List<IndexVisit> indexVisits() {
            return indexVisits == null ? List.of() : indexVisits;
        }

        public List<QueryContact> contacts() {
            return contacts == null ? List.of() : contacts;
        }

        public long count(String tier) {
            return contacts().stream().filter(c -> tier.equals(c.tier())).count();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryParameters(Instant from, Instant to, int bufferMinutes, int minOverlapMinutes, int depth) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndexVisit(UUID venueId, String venueName, Instant checkedInAt, Instant checkedOutAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QueryContact(String pseudonym, String phone, String tier, Instant exposureStart,
                               List<VenueOverlap> overlaps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Omitted(int indexVisitsOutsideJurisdiction, int contactsOutsideJurisdiction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExposureSite(UUID id, UUID caseId, UUID venueId, String venueName, String address,
                               String adminUnitCode, Instant from, Instant to, String advice, Instant publishedAt,
                               String publishedBy, Instant withdrawnAt) {
        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DailyReport(LocalDate date, String adminUnitCode, String adminUnitName, String structure,
                              String structureLevels, String zone, Instant cutoff, Instant snapshotTakenAt,
                              String rollUp, List<ReportRow> rows) {

        public List<ReportRow> rows() {
            return rows == null ? List.of() : rows;
        }

        /** The row of the unit asked for (the first; tree order). */
        public ReportRow top() {
            return rows().isEmpty() ? null : rows().get(0);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportRow(String adminUnitCode, String name, String level, String parentCode, Population population,
                            int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors,
                            BigDecimal adoptionPercent, BigDecimal activeVenueShare, int cases, int contactsIdentified,
                            int notified, int delivered, int reached, int testedPositive, Figures snapshot) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Population(long count, int year, String source) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors,
                          BigDecimal adoptionPercent, BigDecimal activeVenueShare, int cases, int contactsIdentified,
                          int notified, int delivered, int reached, int testedPositive) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditPage(List<AuditRow> rows, Long nextBefore) {

        public List<AuditRow> rows() {
            return rows == null ? List.of() : rows;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuditRow(long seq, Instant at, String subject, String role, String jurisdiction, String action,
                           String caseReference, String parameters, int rowCount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clusters(String adminUnitCode, int days, Instant from, Instant to, List<Cluster> clusters) {

        public List<Cluster> clusters() {
            return clusters == null ? List.of() : clusters;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cluster(UUID venueId, String venueName, String adminUnitCode, String place, int caseCount,
                          int visitCount, Instant firstVisit, Instant lastVisit, List<ClusterCase> cases) {

        public List<ClusterCase> cases() {
            return cases == null ? List.of() : cases;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClusterCase(UUID caseId, String reference, String status, List<ClusterVisit> visits) {

        public List<ClusterVisit> visits() {
            return visits == null ? List.of() : visits;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClusterVisit(Instant checkIn, Instant checkOut) {
    }
}
