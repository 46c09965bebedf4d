package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.tracing.domain.DailyFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily counts per administrative unit. Each report unit is mapped to every unit code of its subtree, so one grouped
 * query counts distinct visitors per unit (distinct counts cannot be summed from children).
 */
@ApplicationScoped
public class ReportRepository {

    private final Jdbc jdbc;

    ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Which report unit each venue admin-unit code counts towards (one pair per unit and descendant). */
    public record UnitMapping(List<String> venueUnitCodes, List<String> reportUnitCodes) {
    }

    /** A stored snapshot row. */
    public record SnapshotRow(String adminUnitCode, Instant cutoff, Instant takenAt, DailyFigures figures) {
    }

    private static final int FIGURES = 10;
    /** The snapshot's figure columns, in {@link DailyFigures}' order. */
    private static final String SNAPSHOT_COLUMNS = "venues_registered, venues_active, checkins, unique_visitors, cases, "
            + "contacts_identified, notified, delivered, reached, tested_positive";
    private static final List<String> CASE_WORK_KINDS = List.of("cases", "contacts", "notified", "delivered", "reached",
            "positive");
    /** The day's work on cases, each counted in the unit of its case (a contact or message belongs to one case). */
    private static final String CASE_WORK = "WITH e(unit, kind) AS ("
            + "SELECT admin_unit_code, 'cases' FROM confirmed_case WHERE confirmed_at >= ? AND confirmed_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, 'contacts' FROM case_contact c JOIN confirmed_case k ON k.id = c.case_id "
            + "  WHERE c.recorded_at >= ? AND c.recorded_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, 'notified' FROM notification n JOIN confirmed_case k ON k.id = n.case_id "
            + "  WHERE n.submitted_at >= ? AND n.submitted_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, 'delivered' FROM notification n JOIN confirmed_case k ON k.id = n.case_id "
            + "  WHERE n.status = 'DELIVERED' AND n.updated_at >= ? AND n.updated_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, 'reached' FROM case_contact c JOIN confirmed_case k ON k.id = c.case_id "
            + "  WHERE c.follow_up_status IN ('REACHED', 'QUARANTINED', 'TESTED_NEGATIVE', 'TESTED_POSITIVE') "
            + "  AND c.follow_up_updated_at >= ? AND c.follow_up_updated_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, 'positive' FROM case_contact c JOIN confirmed_case k ON k.id = c.case_id "
            + "  WHERE c.follow_up_status = 'TESTED_POSITIVE' AND c.follow_up_updated_at >= ? AND c.follow_up_updated_at < ?) "
            + "SELECT m.row_code, " + String.join(", ", CASE_WORK_KINDS.stream()
                    .map(k -> "count(*) FILTER (WHERE e.kind = '" + k + "') AS " + k).toList())
            + " FROM unnest(?::text[], ?::text[]) AS m(unit_code, row_code) JOIN e ON e.unit = m.unit_code GROUP BY m.row_code";

    /** Figures per report unit for check-ins in [start, end) and venues registered before end and open at start. */
    public Map<String, DailyFigures> figures(UnitMapping mapping, Instant start, Instant end) {
        String venuesSql = "SELECT m.row_code, count(*) AS registered FROM unnest(?::text[], ?::text[]) AS m(venue_code, row_code) "
                + "JOIN venue v ON v.admin_unit_code = m.venue_code "
                + "WHERE v.registered_at < ? AND (v.closed_at IS NULL OR v.closed_at >= ?) GROUP BY m.row_code";
        String visitsSql = "SELECT m.row_code, count(DISTINCT x.venue_id) AS active, count(DISTINCT x.checkin_id) AS checkins, "
                + "count(DISTINCT x.pseudonym) AS visitors FROM unnest(?::text[], ?::text[]) AS m(venue_code, row_code) "
                + "JOIN venue v ON v.admin_unit_code = m.venue_code "
                + "JOIN visit x ON x.venue_id = v.venue_id AND x.checked_in_at >= ? AND x.checked_in_at < ? "
                + "GROUP BY m.row_code";
        Map<String, int[]> acc = new HashMap<>();
        jdbc.with("compute daily figures", c -> {
            Jdbc.query(c, venuesSql, rs -> acc.computeIfAbsent(rs.getString(1), k -> new int[FIGURES])[0] = rs.getInt("registered"),
                    mapping.venueUnitCodes(), mapping.reportUnitCodes(), end, start);
            Jdbc.query(c, visitsSql, rs -> {
                int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[FIGURES]);
                a[1] = rs.getInt("active");
                a[2] = rs.getInt("checkins");
                a[3] = rs.getInt("visitors");
                return a;
            }, mapping.venueUnitCodes(), mapping.reportUnitCodes(), start, end);
            return Jdbc.query(c, CASE_WORK, rs -> {
                int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[FIGURES]);
                for (int i = 0; i < CASE_WORK_KINDS.size(); i++) {
                    a[4 + i] = rs.getInt(CASE_WORK_KINDS.get(i));
                }
                return a;
            }, start, end, start, end, start, end, start, end, start, end, start, end, mapping.venueUnitCodes(),
                    mapping.reportUnitCodes());
        });
        Map<String, DailyFigures> out = new HashMap<>();
        acc.forEach((code, a) -> out.put(code, DailyFigures.of(a)));
        return out;
    }

    /** Stores a snapshot; rows already stored for the date are kept as they are (numbers sent upward never change). */
    public void saveSnapshot(LocalDate date, Instant cutoff, Instant takenAt, Map<String, DailyFigures> figures) {
        List<String> codes = List.copyOf(figures.keySet());
        List<DailyFigures> rows = codes.stream().map(figures::get).toList();
        List<Object> parameters = new ArrayList<>(List.of(date, cutoff, takenAt, codes));
        for (int i = 0; i < FIGURES; i++) {
            int figure = i;
            parameters.add(rows.stream().map(f -> f.asList().get(figure)).toList());
        }
        jdbc.update("store the daily snapshot", "INSERT INTO daily_report_snapshot (report_date, cutoff, taken_at, "
                + "admin_unit_code, " + SNAPSHOT_COLUMNS + ") SELECT ?::date, ?::timestamptz, ?::timestamptz, f.* "
                + "FROM unnest(?::text[]"
                + ", ?::int[]".repeat(FIGURES) + ") AS f ON CONFLICT DO NOTHING", parameters.toArray());
    }

    public boolean hasSnapshot(LocalDate date) {
        return jdbc.first("read daily snapshots", "SELECT 1 FROM daily_report_snapshot WHERE report_date = ? LIMIT 1",
                rs -> true, date).isPresent();
    }

    public Map<String, SnapshotRow> snapshot(LocalDate date, List<String> unitCodes) {
        String sql = "SELECT admin_unit_code, cutoff, taken_at, " + SNAPSHOT_COLUMNS
                + " FROM daily_report_snapshot WHERE report_date = ? AND admin_unit_code = ANY (?::text[])";
        Map<String, SnapshotRow> out = new HashMap<>();
        for (SnapshotRow row : jdbc.query("read daily snapshots", sql, rs -> {
            int[] f = new int[FIGURES];
            for (int i = 0; i < FIGURES; i++) {
                f[i] = rs.getInt(4 + i);
            }
            return new SnapshotRow(rs.getString("admin_unit_code"), Sql.instant(rs, "cutoff"), Sql.instant(rs, "taken_at"),
                    DailyFigures.of(f));
        }, date, unitCodes)) {
            out.put(row.adminUnitCode(), row);
        }
        return out;
    }
}
