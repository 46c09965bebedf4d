package org.qrtrace.tracing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The clusters of a unit over the window {@code [from, to]} of the last {@code days} days (docs/architecture.md,
 * "Clusters"). Cases are named by id, reference and status only: no person (no pseudonym, no phone).
 */
public record ClusterList(String adminUnitCode, int days, Instant from, Instant to, List<Cluster> clusters) {

    /**
     * A venue where two or more confirmed cases checked in: its unit (the code as given and its place by name, with
     * what it is today when it has since been merged), how many cases and index visits, the first and last check-in.
     */
    public record Cluster(UUID venueId, String venueName, String adminUnitCode, String place, int caseCount,
                          int visitCount, Instant firstVisit, Instant lastVisit, List<ClusterCase> cases) {
    }

    /** A case of the cluster and its own visits to the venue within the window, earliest first. */
    public record ClusterCase(UUID caseId, String reference, String status, List<Visit> visits) {
    }

    /** A visit: {@code checkOut} is null while it is still open (no check-out scanned, the automatic one ahead). */
    public record Visit(Instant checkIn, Instant checkOut) {
    }
}
