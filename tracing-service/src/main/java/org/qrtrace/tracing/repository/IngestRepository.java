package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Writes of the event consumers; called inside the consumer's transaction. */
@ApplicationScoped
public class IngestRepository {

    private final Jdbc jdbc;

    IngestRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A visit row to insert. */
    public record VisitRow(UUID checkinId, String pseudonym, UUID venueId, UUID entranceId, Instant checkedInAt,
                           Instant checkedOutAt, Instant autoCheckoutAt, boolean explicitCheckout, boolean dependant,
                           String sealedContact, String source) {
    }

    /** Records the event ids; returns those not seen before (the only ones to apply). */
    public Set<UUID> claimNew(List<UUID> eventIds, List<String> types) {
        String sql = "INSERT INTO processed_event (event_id, event_type) SELECT * FROM unnest(?::uuid[], ?::text[]) "
                + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
        return new HashSet<>(jdbc.query("record processed events", sql, rs -> rs.getObject(1, UUID.class), eventIds, types));
    }

    /** Check-outs that arrived before their check-in, removed as they are applied. */
    public Map<UUID, Instant> takePendingCheckouts(Collection<UUID> checkinIds) {
        String sql = "DELETE FROM pending_checkout WHERE checkin_id = ANY (?::uuid[]) RETURNING checkin_id, checked_out_at";
        Map<UUID, Instant> out = new HashMap<>();
        jdbc.query("read pending check-outs", sql, rs -> out.put(Sql.uuid(rs, "checkin_id"), Sql.instant(rs, "checked_out_at")),
                checkinIds);
        return out;
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
        return jdbc.update("insert visits", sql, column(rows, VisitRow::checkinId), column(rows, VisitRow::pseudonym),
                column(rows, VisitRow::venueId), column(rows, VisitRow::entranceId), column(rows, VisitRow::checkedInAt),
                column(rows, VisitRow::checkedOutAt), column(rows, VisitRow::autoCheckoutAt),
                column(rows, VisitRow::explicitCheckout), column(rows, VisitRow::dependant),
                column(rows, VisitRow::sealedContact), column(rows, VisitRow::source));
    }

    private static List<Object> column(List<VisitRow> rows, Function<VisitRow, ?> column) {
        List<Object> values = new ArrayList<>(rows.size());
        for (VisitRow row : rows) {
            values.add(column.apply(row));
        }
        return values;
    }

    /**
     * Closes every visit of the check-in (visitor and dependants leave together) at {@code at}, never before the
     * check-in nor beyond the maximum stay. Returns the number of visits closed; 0 when the check-in is not stored yet.
     */
    public int checkOut(UUID checkinId, Instant at, Duration maxStay) {
        String sql = "UPDATE visit SET explicit_checkout = true, checked_out_at = LEAST(GREATEST(?, checked_in_at + interval '1 second'), "
                + "checked_in_at + ?::interval) WHERE checkin_id = ? AND checked_in_at >= ? AND checked_in_at < ?";
        // Partition pruning: the check-in started at most maxStay before the check-out (a day of clock skew allowed).
        return jdbc.update("close the visit", sql, at, maxStay.getSeconds() + " seconds", checkinId, at.minus(maxStay),
                at.plus(Duration.ofDays(1)));
    }

    public void addPendingCheckout(UUID checkinId, Instant at) {
        jdbc.update("store a pending check-out", "INSERT INTO pending_checkout (checkin_id, checked_out_at) VALUES (?, ?) "
                + "ON CONFLICT (checkin_id) DO UPDATE SET checked_out_at = LEAST(pending_checkout.checked_out_at, "
                + "EXCLUDED.checked_out_at)", checkinId, at);
    }
}
