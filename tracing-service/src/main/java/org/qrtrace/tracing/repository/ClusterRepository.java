package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.tracing.domain.CaseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Venues where several confirmed cases' own visits meet (docs/architecture.md, "Clusters"). */
@ApplicationScoped
public class ClusterRepository {

    private final Jdbc jdbc;

    ClusterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One index visit of a case at a venue: the venue as the directory knows it (its unit is the one
     * {@code venueUnitCode} named on {@code venueUnitGivenOn}), the case (no person) and the visit.
     */
    public record IndexVisit(UUID venueId, String venueName, AdminUnitCode venueUnitCode, LocalDate venueUnitGivenOn,
                             UUID caseId, String caseReference, CaseStatus status, Instant checkedInAt,
                             Instant checkedOutAt, boolean explicitCheckout) {
    }

    /**
     * Every index visit (a visit of the case's own pseudonym) checked in within {@code [from, to]} at a venue whose
     * stored unit code is one of {@code venueUnitCodes}, of the cases whose status is one of {@code statuses}, kept
     * only at venues where at least {@code minCases} distinct cases have such a visit; ordered by venue, check-in.
     * <p>
     * One statement. It is driven by the cases: each case's pseudonym probes {@code visit_pseudonym_in}
     * ({@code (pseudonym, checked_in_at) INCLUDE (checked_out_at, venue_id)}, V1) with an index range scan on the
     * check-in window, which also prunes the day partitions to the window's; the venue comes by its primary key. Cases
     * are far fewer than visits, so this reads only the cases' own visits, never everyone at a venue.
     */
    public List<IndexVisit> indexVisitsAtSharedVenues(Instant from, Instant to, Collection<CaseStatus> statuses,
                                                     Collection<String> venueUnitCodes, int minCases) {
        String sql = "WITH index_visit AS ("
                + " SELECT v.venue_id, ve.name, ve.admin_unit_code, ve.admin_unit_given_on, c.id AS case_id,"
                + " c.case_reference, c.status, v.checked_in_at, v.checked_out_at, v.explicit_checkout"
                + " FROM confirmed_case c"
                + " JOIN visit v ON v.pseudonym = c.pseudonym AND v.checked_in_at >= ? AND v.checked_in_at <= ?"
                + " JOIN venue ve ON ve.venue_id = v.venue_id"
                + " WHERE c.status = ANY (?::text[]) AND ve.admin_unit_code = ANY (?::text[])"
                + "), shared AS ("
                + " SELECT venue_id FROM index_visit GROUP BY venue_id HAVING count(DISTINCT case_id) >= ?"
                + ") SELECT i.* FROM index_visit i JOIN shared s ON s.venue_id = i.venue_id"
                + " ORDER BY i.venue_id, i.checked_in_at, i.case_id";
        return jdbc.query("find clusters", sql, rs -> new IndexVisit(Sql.uuid(rs, "venue_id"), rs.getString("name"),
                        AdminUnitCode.of(rs.getString("admin_unit_code")),
                        rs.getObject("admin_unit_given_on", LocalDate.class), Sql.uuid(rs, "case_id"),
                        rs.getString("case_reference"), CaseStatus.valueOf(rs.getString("status")),
                        Sql.instant(rs, "checked_in_at"), Sql.instant(rs, "checked_out_at"),
                        rs.getBoolean("explicit_checkout")),
                from, to, statuses.stream().map(Enum::name).toList(), venueUnitCodes, minCases);
    }
}
