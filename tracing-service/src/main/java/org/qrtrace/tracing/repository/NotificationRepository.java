package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.tracing.domain.NotificationStatus;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The SMS outbox ({@code notification}, migration V5) and the delivery receipts ({@code notification_receipt}). */
@ApplicationScoped
public class NotificationRepository {

    /** Serialises recording a submit with recording a receipt, so that neither misses the other. */
    private static final long RECEIPT_LOCK = 0x5e_4d_53_00L;

    private final Jdbc jdbc;

    NotificationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to queue: the contact, its tier, its sealed channel and the exposure the text names. */
    public record Pending(UUID contactId, String tier, String sealedContact, UUID venueId, Instant exposureStart,
                          Instant exposureEnd) {
    }

    /**
     * A message claimed for sending (already marked SENDING, attempts counted); {@code reference} is its stable
     * user_message_reference (migration V7).
     */
    public record Claimed(UUID id, String tier, String language, String sealedContact, UUID venueId,
                          Instant exposureStart, Instant exposureEnd, int attempts, int reference) {
    }

    /**
     * A message as the receipts see it, with what its text was made of (to count its parts) and when it was submitted
     * (null while SENDING).
     */
    public record Sent(UUID id, NotificationStatus status, List<String> messageIds, String language, UUID venueId,
                       Instant exposureStart, Instant exposureEnd, Instant submittedAt) {
    }

    /**
     * A message that has just reached {@code status} (SUBMITTED or final), with what a ContactNotified event says of it:
     * the exposure's venue and its unit (the case's unit when the venue is not known).
     */
    public record Transition(UUID id, UUID caseId, String tier, UUID venueId, String adminUnitCode,
                             NotificationStatus status) {
    }

    /** What every status-changing statement returns, for {@link Transition}. */
    private static final String TRANSITION = " RETURNING n.id, n.case_id, n.tier, n.venue_id, n.status, coalesce("
            + "(SELECT v.admin_unit_code FROM venue v WHERE v.venue_id = n.venue_id), "
            + "(SELECT k.admin_unit_code FROM confirmed_case k WHERE k.id = n.case_id)) AS admin_unit_code";

    private static Transition transition(ResultSet rs) throws SQLException {
        return new Transition(Sql.uuid(rs, "id"), Sql.uuid(rs, "case_id"), rs.getString("tier"), Sql.uuid(rs, "venue_id"),
                rs.getString("admin_unit_code"), NotificationStatus.valueOf(rs.getString("status")));
    }

    /** The latest message to a contact. */
    public record Latest(NotificationStatus status, Instant updatedAt) {
    }

    /** Rows inserted; those already present (same case, contact and tier) are left as they are. */
    public int enqueue(UUID caseId, List<Pending> pending, String language, Instant at, String by) {
        if (pending.isEmpty()) {
            return 0;
        }
        String sql = "INSERT INTO notification (case_id, contact_id, tier, language, sealed_contact, venue_id, "
                + "exposure_start, exposure_end, status, next_attempt_at, created_by, created_at, updated_at) "
                + "SELECT ?, u.contact_id, u.tier, ?, u.sealed, u.venue_id, u.s, u.e, 'QUEUED', ?, ?, ?, ? "
                + "FROM unnest(?::text[]::uuid[], ?::text[], ?::text[], ?::text[]::uuid[], ?::text[]::timestamptz[], "
                + "?::text[]::timestamptz[]) AS u(contact_id, tier, sealed, venue_id, s, e) "
                + "ON CONFLICT (case_id, contact_id, tier) DO NOTHING";
        return jdbc.update("queue the notifications", sql, caseId, language, at, by, at, at,
                pending.stream().map(p -> p.contactId().toString()).toList(), pending.stream().map(Pending::tier).toList(),
                pending.stream().map(Pending::sealedContact).toList(),
                pending.stream().map(p -> p.venueId().toString()).toList(),
                pending.stream().map(p -> p.exposureStart().toString()).toList(),
                pending.stream().map(p -> p.exposureEnd().toString()).toList());
    }

    /**
     * Claims up to {@code limit} due QUEUED rows (rows another sender holds are skipped) and marks them SENDING with
     * one more attempt, in the caller's transaction: committed before anything is submitted.
     */
    public List<Claimed> claimDue(Instant now, int limit) {
        String sql = "UPDATE notification n SET status = 'SENDING', attempts = n.attempts + 1, updated_at = ? "
                + "FROM (SELECT id FROM notification WHERE status = 'QUEUED' AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) d WHERE n.id = d.id "
                + "RETURNING n.id, n.tier, n.language, n.sealed_contact, n.venue_id, n.exposure_start, n.exposure_end, "
                + "n.attempts, n.reference";
        return jdbc.query("claim due notifications", sql, rs -> new Claimed(Sql.uuid(rs, "id"), rs.getString("tier"),
                rs.getString("language"), rs.getString("sealed_contact"), Sql.uuid(rs, "venue_id"),
                Sql.instant(rs, "exposure_start"), Sql.instant(rs, "exposure_end"), rs.getInt("attempts"),
                rs.getInt("reference")), now, now, limit);
    }

    /** The SMSC accepted every part: record its ids; the sealed channel is no longer needed. */
    public List<Transition> submitted(UUID id, List<String> messageIds, Instant at) {
        return jdbc.query("record a submitted notification", "UPDATE notification n SET status = 'SUBMITTED', "
                + "smsc_message_ids = ?::text[], sealed_contact = NULL, last_error = NULL, submitted_at = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'SENDING'" + TRANSITION, NotificationRepository::transition, messageIds, at, at, id);
    }

    /** Not sent this time: back in the queue until {@code next}. */
    public void retryAt(UUID id, Instant next, String error, Instant at) {
        jdbc.update("requeue a notification", "UPDATE notification SET status = 'QUEUED', next_attempt_at = ?, "
                + "last_error = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'", next, error, at, id);
    }

    /** Given up (or finally answered): the sealed channel is cleared. */
    public List<Transition> finish(UUID id, NotificationStatus status, String error, Instant at) {
        return jdbc.query("finish a notification", "UPDATE notification n SET status = ?, "
                + "last_error = COALESCE(?, last_error), sealed_contact = NULL, updated_at = ? WHERE id = ?" + TRANSITION,
                NotificationRepository::transition, status.name(), error, at, id);
    }

    /**
     * The SMSC's answer to a submit never came (or was never recorded): the row stays SENDING, with why, until a
     * receipt carrying its reference settles it or {@link #requeueUnanswered} sends it again.
     */
    public void unanswered(UUID id, List<String> acceptedIds, String error, Instant at) {
        jdbc.update("mark a notification unanswered", "UPDATE notification SET smsc_message_ids = ?::text[], "
                + "last_error = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'", acceptedIds, error, at, id);
    }

    /**
     * Rows SENDING since before {@code before} with no receipt to show the SMSC took them: QUEUED again, due now, or
     * FAILED when they have had {@code maxAttempts}. Returns the rows requeued or failed.
     */
    public List<Transition> requeueUnanswered(Instant before, int maxAttempts, Instant at) {
        return jdbc.query("requeue unanswered notifications", "UPDATE notification n SET "
                + "status = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'QUEUED' END, next_attempt_at = ?, "
                + "smsc_message_ids = CASE WHEN attempts >= ? THEN smsc_message_ids ELSE '{}' END, "
                + "sealed_contact = CASE WHEN attempts >= ? THEN NULL ELSE sealed_contact END, "
                + "last_error = 'no answer and no receipt from the SMSC' || CASE WHEN attempts >= ? "
                + "THEN ' after ' || attempts || ' attempts' ELSE '; sent again' END, updated_at = ? "
                + "WHERE status = 'SENDING' AND updated_at < ?" + TRANSITION, NotificationRepository::transition,
                maxAttempts, at, maxAttempts, maxAttempts, maxAttempts, at, before);
    }

    /**
     * The message whose outcome is unknown (SENDING) that a receipt for an unrecorded message id belongs to: the one
     * with the receipt's reference, narrowed by the handset's pseudonym when several share it; without a reference,
     * the only one to that handset. Empty when none or not one alone.
     */
    public Optional<UUID> unknownOutcome(Integer reference, String handsetPseudonym) {
        record Candidate(UUID id, boolean sameHandset) { }
        List<Candidate> candidates = jdbc.query("find a message by its reference", "SELECT n.id, "
                        + "coalesce(c.pseudonym = ?, false) AS same_handset FROM notification n "
                        + "JOIN case_contact c ON c.id = n.contact_id WHERE n.status = 'SENDING' "
                        + "AND (?::integer IS NULL OR n.reference = ?) AND (?::integer IS NOT NULL OR c.pseudonym = ?) "
                        + "ORDER BY same_handset DESC LIMIT 2 FOR UPDATE OF n",
                rs -> new Candidate(Sql.uuid(rs, "id"), rs.getBoolean("same_handset")),
                handsetPseudonym, reference, reference, reference, handsetPseudonym);
        boolean alone = candidates.size() == 1
                || candidates.size() == 2 && candidates.get(0).sameHandset() && !candidates.get(1).sameHandset();
        return alone ? Optional.of(candidates.get(0).id()) : Optional.empty();
    }

    /**
     * Receipts proved the SMSC took these parts of a message whose outcome is unknown; it stays SENDING until every
     * part is known ({@link #submitted}) or it is sent again.
     */
    public void partsKnown(UUID id, List<String> messageIds) {
        jdbc.update("record the parts a receipt proved", "UPDATE notification SET smsc_message_ids = ?::text[], "
                + "last_error = 'outcome being found from delivery receipts' WHERE id = ? AND status = 'SENDING'",
                messageIds, id);
    }

    /** Messages still QUEUED to contacts whose last exposure is before {@code before}: FAILED, sealed channel cleared. */
    public List<Transition> failQueuedOfContactsExposedBefore(Instant before, Instant at) {
        return jdbc.query("fail expired queued notifications", "UPDATE notification n SET status = 'FAILED', "
                + "sealed_contact = NULL, last_error = 'follow-up period over: contact data deleted', updated_at = ? "
                + "FROM case_contact c WHERE c.id = n.contact_id AND n.status = 'QUEUED' AND c.last_exposure < ?"
                + TRANSITION, NotificationRepository::transition, at, before);
    }

    /** Takes the receipt lock for the caller's transaction. */
    public void lockReceipts() {
        jdbc.with("lock the receipts", c -> {
            Jdbc.lockForTransaction(c, RECEIPT_LOCK);
            return null;
        });
    }

    public void recordReceipt(String messageId, String state, Instant at) {
        jdbc.update("record a delivery receipt", "INSERT INTO notification_receipt (smsc_message_id, state, received_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (smsc_message_id) DO NOTHING", messageId, state, at);
    }

    public Optional<Sent> findByMessageId(String messageId) {
        return jdbc.first("find a notification by message id", SENT + "WHERE smsc_message_ids @> ARRAY[?]::text[] FOR UPDATE", NotificationRepository::sent, messageId);
    }

    public Optional<Sent> find(UUID id) {
        return jdbc.first("read a notification", SENT + "WHERE id = ? FOR UPDATE", NotificationRepository::sent, id);
    }

    /** Receipt state by message id, for those of {@code messageIds} that have one. */
    public Map<String, String> receiptStates(List<String> messageIds) {
        Map<String, String> out = new HashMap<>();
        jdbc.query("read delivery receipts", "SELECT smsc_message_id, state FROM notification_receipt "
                        + "WHERE smsc_message_id = ANY (?::text[])",
                rs -> out.put(rs.getString("smsc_message_id"), rs.getString("state")), messageIds);
        return out;
    }

    /** The latest message (by creation) to each contact of the case that has one. */
    public Map<UUID, Latest> latestByContact(UUID caseId) {
        Map<UUID, Latest> out = new HashMap<>();
        jdbc.query("read the case's notifications", "SELECT DISTINCT ON (contact_id) contact_id, status, updated_at "
                        + "FROM notification WHERE case_id = ? ORDER BY contact_id, created_at DESC, tier",
                rs -> out.put(Sql.uuid(rs, "contact_id"), new Latest(NotificationStatus.valueOf(rs.getString("status")),
                        Sql.instant(rs, "updated_at"))), caseId);
        return out;
    }

    private static final String SENT = "SELECT id, status, smsc_message_ids, language, venue_id, exposure_start, "
            + "exposure_end, submitted_at FROM notification ";

    private static Sent sent(ResultSet rs) throws SQLException {
        Array ids = rs.getArray("smsc_message_ids");
        return new Sent(Sql.uuid(rs, "id"), NotificationStatus.valueOf(rs.getString("status")),
                ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()), rs.getString("language"),
                Sql.uuid(rs, "venue_id"), Sql.instant(rs, "exposure_start"), Sql.instant(rs, "exposure_end"),
                Sql.instant(rs, "submitted_at"));
    }
}
