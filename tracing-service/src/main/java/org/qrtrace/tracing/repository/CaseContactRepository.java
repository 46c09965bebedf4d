package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.tracing.domain.FollowUpStatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The contacts of confirmed cases and their follow-up ({@code case_contact}, migration V4). */
@ApplicationScoped
public class CaseContactRepository {

    private static final String COLUMNS = "id, case_id, pseudonym, tier, first_exposure, last_exposure, venues::text AS v, "
            + "sealed_contact, follow_up_status, follow_up_note, follow_up_updated_at";

    private final Jdbc jdbc;

    CaseContactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact found by one exposure query: {@code overlapsJson} is a JSON array of {venueId, start, end, minutes}. */
    public record Found(String pseudonym, String tier, Instant firstExposure, Instant lastExposure, String overlapsJson,
                        String sealedContact) {
    }

    /** A contact as stored, with its follow-up (status null until the first one is recorded). */
    public record ContactRow(UUID id, UUID caseId, String pseudonym, String tier, Instant firstExposure,
                             Instant lastExposure, String overlapsJson, String sealedContact, FollowUpStatus status,
                             String note, Instant followUpUpdatedAt) {
    }

    /**
     * Adds the contacts to the case, or merges them into the ones it has (one statement, rows locked by the upsert so
     * two queries of the same case cannot lose each other's overlaps): the earliest first exposure and the latest last
     * exposure are kept, F1 wins over F2, overlaps are united (each once, ordered by start), and the sealed channel
     * is the one of the latest exposure. Follow-up fields are never touched here. Pseudonyms must be distinct.
     */
    public void record(UUID caseId, List<Found> contacts, Instant at) {
        if (contacts.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO case_contact (case_id, pseudonym, tier, first_exposure, last_exposure, venues, "
                + "sealed_contact, recorded_at) "
                + "SELECT ?, u.pseudonym, u.tier, u.first_exposure, u.last_exposure, u.venues, u.sealed, ? "
                + "FROM unnest(?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::jsonb[], "
                + "?::text[]) AS u(pseudonym, tier, first_exposure, last_exposure, venues, sealed) "
                + "ON CONFLICT (case_id, pseudonym) DO UPDATE SET "
                + "tier = CASE WHEN 'F1' IN (case_contact.tier, EXCLUDED.tier) THEN 'F1' ELSE 'F2' END, "
                + "first_exposure = LEAST(case_contact.first_exposure, EXCLUDED.first_exposure), "
                + "last_exposure = GREATEST(case_contact.last_exposure, EXCLUDED.last_exposure), "
                + "venues = (SELECT jsonb_agg(o ORDER BY (o ->> 'start')::timestamptz, (o ->> 'end')::timestamptz, o ->> 'venueId') "
                + "  FROM (SELECT DISTINCT o FROM jsonb_array_elements(case_contact.venues || EXCLUDED.venues) AS e(o)) d), "
                + "sealed_contact = CASE WHEN EXCLUDED.sealed_contact IS NOT NULL "
                + "  AND EXCLUDED.last_exposure >= case_contact.last_exposure THEN EXCLUDED.sealed_contact "
                + "  ELSE COALESCE(case_contact.sealed_contact, EXCLUDED.sealed_contact) END";
        jdbc.update("record the case's contacts", sql, caseId, at,
                contacts.stream().map(Found::pseudonym).toList(), contacts.stream().map(Found::tier).toList(),
                contacts.stream().map(Found::firstExposure).toList(), contacts.stream().map(Found::lastExposure).toList(),
                contacts.stream().map(Found::overlapsJson).toList(), contacts.stream().map(Found::sealedContact).toList());
    }

    /** Deletes the sealed phone of contacts whose last exposure is before {@code before}; returns how many. */
    public int deleteSealedContactsExposedBefore(Instant before) {
        return jdbc.update("delete expired contact phones", "UPDATE case_contact SET sealed_contact = NULL "
                + "WHERE sealed_contact IS NOT NULL AND last_exposure < ?", before);
    }

    /** Ordered like an exposure result: tier, first exposure, pseudonym. */
    public List<ContactRow> list(UUID caseId) {
        return jdbc.query("read the case's contacts", "SELECT " + COLUMNS + " FROM case_contact WHERE case_id = ? "
                + "ORDER BY tier, first_exposure, pseudonym", CaseContactRepository::row, caseId);
    }

    public Optional<ContactRow> find(UUID caseId, UUID contactId) {
        return jdbc.first("read the case's contact", "SELECT " + COLUMNS + " FROM case_contact WHERE case_id = ? AND id = ?",
                CaseContactRepository::row, caseId, contactId);
    }

    /** False when the case has no such contact. */
    public boolean updateFollowUp(UUID caseId, UUID contactId, FollowUpStatus status, String note, Instant at, String by) {
        return jdbc.update("record the contact's follow-up", "UPDATE case_contact SET follow_up_status = ?, "
                        + "follow_up_note = ?, follow_up_updated_at = ?, follow_up_updated_by = ? WHERE case_id = ? AND id = ?",
                status.name(), note, at, by, caseId, contactId) == 1;
    }

    private static ContactRow row(ResultSet rs) throws SQLException {
        String status = rs.getString("follow_up_status");
        return new ContactRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "case_id"), rs.getString("pseudonym"), rs.getString("tier"),
                Sql.instant(rs, "first_exposure"), Sql.instant(rs, "last_exposure"), rs.getString("v"),
                rs.getString("sealed_contact"), status == null ? null : FollowUpStatus.valueOf(status),
                rs.getString("follow_up_note"), Sql.instant(rs, "follow_up_updated_at"));
    }
}
