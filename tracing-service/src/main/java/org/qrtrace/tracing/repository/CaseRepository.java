package org.qrtrace.tracing.repository;

import org.qrtrace.common.crypto.Pseudonym;
import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.tracing.domain.CaseStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Confirmed cases ({@code confirmed_case}, migration V4): the index person only as a pseudonym. */
@ApplicationScoped
public class CaseRepository {

    private static final String COLUMNS = "id, case_reference, pseudonym, confirmed_at, admin_unit_code, "
            + "admin_unit_given_on, status, created_at, created_by, linked_from_case_id";

    private final Jdbc jdbc;

    CaseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A case as stored; its unit is the one {@code adminUnitCode} named on {@code adminUnitGivenOn}, its opening day. */
    public record CaseRow(UUID id, String caseReference, Pseudonym pseudonym, Instant confirmedAt,
                          AdminUnitCode adminUnitCode, LocalDate adminUnitGivenOn, CaseStatus status, Instant createdAt, String createdBy,
                          UUID linkedFromCaseId) {
    }

    /** One case of a chain: who it was linked from. */
    public record ChainRow(UUID id, String caseReference, Instant confirmedAt, UUID linkedFromCaseId) {
    }

    /** False when the reference is taken (the unique constraint decides, so two officers racing cannot both win). */
    public boolean insert(CaseRow c) {
        return jdbc.update("store the case", "INSERT INTO confirmed_case (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (case_reference) DO NOTHING",
                c.id(), c.caseReference(), c.pseudonym().hex(), c.confirmedAt(), c.adminUnitCode().value(), c.adminUnitGivenOn(),
                c.status().name(),
                c.createdAt(), c.createdBy(), c.linkedFromCaseId()) == 1;
    }

    public Optional<CaseRow> find(UUID id) {
        return jdbc.first("read the case", "SELECT " + COLUMNS + " FROM confirmed_case WHERE id = ?", CaseRepository::row, id);
    }

    public Optional<CaseRow> findByReference(String caseReference) {
        return jdbc.first("read the case", "SELECT " + COLUMNS + " FROM confirmed_case WHERE case_reference = ?",
                CaseRepository::row, caseReference);
    }

    /** Cases in the given units (a jurisdiction's subtree), newest confirmation first; {@code status} null for all. */
    public List<CaseRow> list(Collection<String> adminUnitCodes, CaseStatus status, int limit) {
        return jdbc.query("list cases", "SELECT " + COLUMNS + " FROM confirmed_case WHERE admin_unit_code = ANY (?::text[]) "
                        + "AND (?::text IS NULL OR status = ?) ORDER BY confirmed_at DESC, case_reference LIMIT ?",
                CaseRepository::row, adminUnitCodes, status == null ? null : status.name(),
                status == null ? null : status.name(), limit);
    }

    /**
     * The whole tree a case belongs to: its root (followed up through {@code linked_from_case_id}) and every case
     * linked from it, recursively. Links point only at cases that existed before, so the walk always ends.
     */
    public List<ChainRow> treeOf(UUID id) {
        String sql = "WITH RECURSIVE up AS ("
                + " SELECT id, linked_from_case_id FROM confirmed_case WHERE id = ?"
                + " UNION ALL SELECT c.id, c.linked_from_case_id FROM confirmed_case c JOIN up ON c.id = up.linked_from_case_id"
                + "), down AS ("
                + " SELECT c.id, c.case_reference, c.confirmed_at, c.linked_from_case_id FROM confirmed_case c"
                + "  WHERE c.id = (SELECT id FROM up WHERE linked_from_case_id IS NULL)"
                + " UNION ALL SELECT c.id, c.case_reference, c.confirmed_at, c.linked_from_case_id"
                + "  FROM confirmed_case c JOIN down d ON c.linked_from_case_id = d.id"
                + ") SELECT id, case_reference, confirmed_at, linked_from_case_id FROM down ORDER BY confirmed_at, case_reference";
        return jdbc.query("read the chain of cases", sql, rs -> new ChainRow(Sql.uuid(rs, "id"),
                rs.getString("case_reference"), Sql.instant(rs, "confirmed_at"), Sql.uuid(rs, "linked_from_case_id")), id);
    }

    private static CaseRow row(ResultSet rs) throws SQLException {
        return new CaseRow(Sql.uuid(rs, "id"), rs.getString("case_reference"), Pseudonym.of(rs.getString("pseudonym")),
                Sql.instant(rs, "confirmed_at"), AdminUnitCode.of(rs.getString("admin_unit_code")),
                rs.getObject("admin_unit_given_on", LocalDate.class), CaseStatus.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"), rs.getString("created_by"),
                Sql.uuid(rs, "linked_from_case_id"));
    }
}
