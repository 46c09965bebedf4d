package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The audit table: appended under a lock so the hash chain has one order. */
@ApplicationScoped
public class AuditRepository {

    private static final long LOCK_KEY = 0x61756469744cL;

    private final Jdbc jdbc;

    AuditRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored audit row. */
    public record AuditRow(long seq, Instant at, String subject, String role, String jurisdiction, String action,
                           String caseReference, String parameters, int rowCount, String prevHash, String hash) {
    }

    /** Locks the chain for this transaction and returns its last row. */
    public Optional<AuditRow> lockAndReadLast() {
        return jdbc.with("read the audit chain", c -> {
            Jdbc.lockForTransaction(c, LOCK_KEY);
            return Jdbc.query(c, SELECT + " ORDER BY seq DESC LIMIT 1", AuditRepository::read).stream().findFirst();
        });
    }

    public void insert(AuditRow r) {
        jdbc.update("append to the audit log", "INSERT INTO audit_log (seq, at, subject, role, jurisdiction, action, "
                        + "case_reference, parameters, row_count, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                r.seq(), r.at(), r.subject(), r.role(), r.jurisdiction(), r.action(), r.caseReference(), r.parameters(),
                r.rowCount(), r.prevHash(), r.hash());
    }

    /** Newest first, from {@code beforeSeq} (exclusive) when given. */
    public List<AuditRow> page(Long beforeSeq, int limit) {
        return beforeSeq == null
                ? jdbc.query("read the audit log", SELECT + " ORDER BY seq DESC LIMIT ?", AuditRepository::read, limit)
                : jdbc.query("read the audit log", SELECT + " WHERE seq < ? ORDER BY seq DESC LIMIT ?",
                        AuditRepository::read, beforeSeq, limit);
    }

    /** Every row in chain order, streamed (a thousand rows at a time, never the whole log in memory). */
    public void forEachInOrder(Consumer<AuditRow> consumer) {
        jdbc.with("read the audit log", c -> {
            try (PreparedStatement ps = Jdbc.prepare(c, SELECT + " ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(read(rs));
                    }
                }
            }
            return null;
        });
    }

    private static final String SELECT = "SELECT seq, at, subject, role, jurisdiction, action, case_reference, parameters, "
            + "row_count, prev_hash, hash FROM audit_log";

    private static AuditRow read(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong("seq"), Sql.instant(rs, "at"), rs.getString("subject"), rs.getString("role"),
                rs.getString("jurisdiction"), rs.getString("action"), rs.getString("case_reference"),
                rs.getString("parameters"), rs.getInt("row_count"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
