package org.qrtrace.tracing.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes of the event consumers; called inside the consumer's transaction. */
@ApplicationScoped
public class IngestRepository {

    @Inject
    AgroalDataSource dataSource;

    /** A visit row to insert. */
    public record VisitRow(UUID checkinId, String pseudonym, UUID venueId, UUID entranceId, Instant checkedInAt,
                           Instant checkedOutAt, Instant autoCheckoutAt, boolean explicitCheckout, boolean dependant,
                           String sealedContact, String source) {
    }

    /** Records the event ids; returns those not seen before (the only ones to apply). */
    public Set<UUID> claimNew(List<UUID> eventIds, List<String> types) {
        String sql = "INSERT INTO processed_event (event_id, event_type) SELECT * FROM unnest(?::uuid[], ?::text[]) "
                + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.textArray(c, eventIds));
            ps.setArray(2, Sql.textArray(c, types));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record processed events", e);
        }
    }

    /** Check-outs that arrived before their check-in, removed as they are applied. */
    public Map<UUID, Instant> takePendingCheckouts(Collection<UUID> checkinIds) {
        String sql = "DELETE FROM pending_checkout WHERE checkin_id = ANY (?::uuid[]) RETURNING checkin_id, checked_out_at";
        Map<UUID, Instant> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.textArray(c, checkinIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(Sql.uuid(rs, "checkin_id"), Sql.instant(rs, "checked_out_at"));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pending check-outs", e);
        }
    }

    /**
     * Inserts a batch as one statement over arrays, like {@link #claimNew} (one round trip; replacing the JDBC batch of
     * single-row inserts did not change PostgreSQL's CPU per visit measurably: that is index upkeep,
     * docs/benchmarks.md); a visit already stored (same check-in, person and start) is left as it is. Returns the
     * number inserted.
     */
    public int insertVisits(List<VisitRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "INSERT INTO visit (checkin_id, pseudonym, venue_id, entrance_id, checked_in_at, checked_out_at, "
                + "auto_checkout_at, explicit_checkout, dependant, sealed_contact, source) "
                + "SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], "
                + "?::timestamptz[], ?::boolean[], ?::boolean[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.textArray(c, rows, VisitRow::checkinId));
            ps.setArray(2, Sql.textArray(c, rows, VisitRow::pseudonym));
            ps.setArray(3, Sql.textArray(c, rows, VisitRow::venueId));
            ps.setArray(4, Sql.textArray(c, rows, VisitRow::entranceId));
            ps.setArray(5, Sql.textArray(c, rows, VisitRow::checkedInAt));
            ps.setArray(6, Sql.textArray(c, rows, VisitRow::checkedOutAt));
            ps.setArray(7, Sql.textArray(c, rows, VisitRow::autoCheckoutAt));
            ps.setArray(8, Sql.textArray(c, rows, VisitRow::explicitCheckout));
            ps.setArray(9, Sql.textArray(c, rows, VisitRow::dependant));
            ps.setArray(10, Sql.textArray(c, rows, VisitRow::sealedContact));
            ps.setArray(11, Sql.textArray(c, rows, VisitRow::source));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert visits", e);
        }
    }

    /**
     * Closes every visit of the check-in (visitor and dependants leave together) at {@code at}, never before the
     * check-in nor beyond the maximum stay. Returns the number of visits closed; 0 when the check-in is not stored yet.
     */
    public int checkOut(UUID checkinId, Instant at, Duration maxStay) {
        String sql = "UPDATE visit SET explicit_checkout = true, checked_out_at = LEAST(GREATEST(?, checked_in_at + interval '1 second'), "
                + "checked_in_at + ?::interval) WHERE checkin_id = ? AND checked_in_at >= ? AND checked_in_at < ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(at));
            ps.setString(2, maxStay.getSeconds() + " seconds");
            ps.setObject(3, checkinId);
            // Partition pruning: the check-in started at most maxStay before the check-out (a day of clock skew allowed).
            ps.setTimestamp(4, Sql.ts(at.minus(maxStay)));
            ps.setTimestamp(5, Sql.ts(at.plus(Duration.ofDays(1))));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close visit", e);
        }
    }

    public void addPendingCheckout(UUID checkinId, Instant at) {
        String sql = "INSERT INTO pending_checkout (checkin_id, checked_out_at) VALUES (?, ?) ON CONFLICT (checkin_id) "
                + "DO UPDATE SET checked_out_at = LEAST(pending_checkout.checked_out_at, EXCLUDED.checked_out_at)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, checkinId);
            ps.setTimestamp(2, Sql.ts(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store pending check-out", e);
        }
    }
}
