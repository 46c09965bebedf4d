package org.qrtrace.tracing.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The audit table: appended under a lock so the hash chain has one order. */
@ApplicationScoped
public class AuditRepository {

    private static final long LOCK_KEY = 0x61756469744cL;

    @Inject
    AgroalDataSource dataSource;

    /** One stored audit row. */
    public record AuditRow(long seq, Instant at, String subject, String role, String jurisdiction, String action,
                           String caseReference, String parameters, int rowCount, String prevHash, String hash) {
    }

    /** Locks the chain for this transaction and returns its last row. */
    public Optional<AuditRow> lockAndReadLast() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit chain", e);
        }
    }

    public void insert(AuditRow r) {
        String sql = "INSERT INTO audit_log (seq, at, subject, role, jurisdiction, action, case_reference, parameters, "
                + "row_count, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, r.seq());
            ps.setTimestamp(2, Sql.ts(r.at()));
            ps.setString(3, r.subject());
            ps.setString(4, r.role());
            ps.setString(5, r.jurisdiction());
            ps.setString(6, r.action());
            ps.setString(7, r.caseReference());
            ps.setString(8, r.parameters());
            ps.setInt(9, r.rowCount());
            ps.setString(10, r.prevHash());
            ps.setString(11, r.hash());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit log", e);
        }
    }

    /** Newest first, from {@code beforeSeq} (exclusive) when given. */
    public List<AuditRow> page(Long beforeSeq, int limit) {
        String sql = SELECT + (beforeSeq == null ? "" : " WHERE seq < ?") + " ORDER BY seq DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (beforeSeq != null) {
                ps.setLong(i++, beforeSeq);
            }
            ps.setInt(i, limit);
            List<AuditRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    /** Every row in chain order, streamed. */
    public void forEachInOrder(Consumer<AuditRow> consumer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }

    private static final String SELECT = "SELECT seq, at, subject, role, jurisdiction, action, case_reference, parameters, "
            + "row_count, prev_hash, hash FROM audit_log";

    private static AuditRow read(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong("seq"), Sql.instant(rs, "at"), rs.getString("subject"), rs.getString("role"),
                rs.getString("jurisdiction"), rs.getString("action"), rs.getString("case_reference"),
                rs.getString("parameters"), rs.getInt("row_count"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
