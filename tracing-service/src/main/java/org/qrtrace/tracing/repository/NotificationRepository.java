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

    /** A message claimed for sending (already marked SENDING, attempts counted). */
    public record Claimed(UUID id, String tier, String language, String sealedContact, UUID venueId,
                          Instant exposureStart, Instant exposureEnd, int attempts) {
    }

    /** A message as the receipts see it. */
    public record Sent(UUID id, NotificationStatus status, List<String> messageIds) {
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
                + "RETURNING n.id, n.tier, n.language, n.sealed_contact, n.venue_id, n.exposure_start, n.exposure_end, n.attempts";
        return jdbc.query("claim due notifications", sql, rs -> new Claimed(Sql.uuid(rs, "id"), rs.getString("tier"),
                rs.getString("language"), rs.getString("sealed_contact"), Sql.uuid(rs, "venue_id"),
                Sql.instant(rs, "exposure_start"), Sql.instant(rs, "exposure_end"), rs.getInt("attempts")), now, now, limit);
    }

    /** The SMSC accepted every part: record its ids; the sealed channel is no longer needed. */
    public void submitted(UUID id, List<String> messageIds, Instant at) {
        jdbc.update("record a submitted notification", "UPDATE notification SET status = 'SUBMITTED', "
                + "smsc_message_ids = ?::text[], sealed_contact = NULL, last_error = NULL, updated_at = ? "
                + "WHERE id = ? AND status = 'SENDING'", messageIds, at, id);
    }

    /** Not sent this time: back in the queue until {@code next}. */
    public void retryAt(UUID id, Instant next, String error, Instant at) {
        jdbc.update("requeue a notification", "UPDATE notification SET status = 'QUEUED', next_attempt_at = ?, "
                + "last_error = ?, updated_at = ? WHERE id = ? AND status = 'SENDING'", next, error, at, id);
    }

    /** Given up (or finally answered): the sealed channel is cleared. */
    public void finish(UUID id, NotificationStatus status, String error, Instant at) {
        jdbc.update("finish a notification", "UPDATE notification SET status = ?, last_error = COALESCE(?, last_error), "
                + "sealed_contact = NULL, updated_at = ? WHERE id = ?", status.name(), error, at, id);
    }

    /** Rows left SENDING since before {@code staleBefore} become FAILED: whether the SMSC got them is unknown. */
    public int abandonSending(Instant staleBefore, Instant at) {
        return jdbc.update("abandon stale notifications", "UPDATE notification SET status = 'FAILED', "
                + "last_error = 'outcome unknown: the sender stopped during the submit; not sent again', "
                + "sealed_contact = NULL, updated_at = ? WHERE status = 'SENDING' AND updated_at < ?", at, staleBefore);
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
        return jdbc.first("find a notification by message id", "SELECT id, status, smsc_message_ids FROM notification "
                + "WHERE smsc_message_ids @> ARRAY[?]::text[] FOR UPDATE", NotificationRepository::sent, messageId);
    }

    public Optional<Sent> find(UUID id) {
        return jdbc.first("read a notification", "SELECT id, status, smsc_message_ids FROM notification WHERE id = ? "
                + "FOR UPDATE", NotificationRepository::sent, id);
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

    private static Sent sent(ResultSet rs) throws SQLException {
        Array ids = rs.getArray("smsc_message_ids");
        return new Sent(Sql.uuid(rs, "id"), NotificationStatus.valueOf(rs.getString("status")),
                ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()));
    }
}
