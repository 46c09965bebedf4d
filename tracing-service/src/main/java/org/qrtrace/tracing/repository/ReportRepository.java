package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.tracing.domain.DailyFigures;

import java.time.Instant;
import java.time.LocalDate;
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
            Jdbc.query(c, venuesSql, rs -> acc.computeIfAbsent(rs.getString(1), k -> new int[4])[0] = rs.getInt("registered"),
                    mapping.venueUnitCodes(), mapping.reportUnitCodes(), end, start);
            return Jdbc.query(c, visitsSql, rs -> {
                int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[4]);
                a[1] = rs.getInt("active");
                a[2] = rs.getInt("checkins");
                a[3] = rs.getInt("visitors");
                return a;
            }, mapping.venueUnitCodes(), mapping.reportUnitCodes(), start, end);
        });
        Map<String, DailyFigures> out = new HashMap<>();
        acc.forEach((code, a) -> out.put(code, new DailyFigures(a[0], a[1], a[2], a[3])));
        return out;
    }

    /** Stores a snapshot; rows already stored for the date are kept as they are (numbers sent upward never change). */
    public void saveSnapshot(LocalDate date, Instant cutoff, Instant takenAt, Map<String, DailyFigures> figures) {
        List<String> codes = List.copyOf(figures.keySet());
        List<DailyFigures> rows = codes.stream().map(figures::get).toList();
        jdbc.update("store the daily snapshot", "INSERT INTO daily_report_snapshot (report_date, admin_unit_code, cutoff, "
                        + "taken_at, venues_registered, venues_active, checkins, unique_visitors) "
                        + "SELECT ?::date, code, ?::timestamptz, ?::timestamptz, r, a, c, u "
                        + "FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::int[]) AS f(code, r, a, c, u) "
                        + "ON CONFLICT DO NOTHING",
                date, cutoff, takenAt, codes, rows.stream().map(DailyFigures::venuesRegistered).toList(),
                rows.stream().map(DailyFigures::venuesActive).toList(), rows.stream().map(DailyFigures::checkins).toList(),
                rows.stream().map(DailyFigures::uniqueVisitors).toList());
    }

    public boolean hasSnapshot(LocalDate date) {
        return jdbc.first("read daily snapshots", "SELECT 1 FROM daily_report_snapshot WHERE report_date = ? LIMIT 1",
                rs -> true, date).isPresent();
    }

    public Map<String, SnapshotRow> snapshot(LocalDate date, List<String> unitCodes) {
        String sql = "SELECT admin_unit_code, cutoff, taken_at, venues_registered, venues_active, checkins, unique_visitors "
                + "FROM daily_report_snapshot WHERE report_date = ? AND admin_unit_code = ANY (?::text[])";
        Map<String, SnapshotRow> out = new HashMap<>();
        for (SnapshotRow row : jdbc.query("read daily snapshots", sql, rs -> new SnapshotRow(rs.getString("admin_unit_code"),
                Sql.instant(rs, "cutoff"), Sql.instant(rs, "taken_at"), new DailyFigures(rs.getInt("venues_registered"),
                rs.getInt("venues_active"), rs.getInt("checkins"), rs.getInt("unique_visitors"))), date, unitCodes)) {
            out.put(row.adminUnitCode(), row);
        }
        return out;
    }
}
