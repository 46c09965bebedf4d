package org.qrtrace.tracing.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.tracing.domain.DailyFigures;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    @Inject
    AgroalDataSource dataSource;

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
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(venuesSql)) {
                ps.setArray(1, Sql.textArray(c, mapping.venueUnitCodes()));
                ps.setArray(2, Sql.textArray(c, mapping.reportUnitCodes()));
                ps.setTimestamp(3, Sql.ts(end));
                ps.setTimestamp(4, Sql.ts(start));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        acc.computeIfAbsent(rs.getString(1), k -> new int[4])[0] = rs.getInt("registered");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(visitsSql)) {
                ps.setArray(1, Sql.textArray(c, mapping.venueUnitCodes()));
                ps.setArray(2, Sql.textArray(c, mapping.reportUnitCodes()));
                ps.setTimestamp(3, Sql.ts(start));
                ps.setTimestamp(4, Sql.ts(end));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[4]);
                        a[1] = rs.getInt("active");
                        a[2] = rs.getInt("checkins");
                        a[3] = rs.getInt("visitors");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute daily figures", e);
        }
        Map<String, DailyFigures> out = new HashMap<>();
        acc.forEach((code, a) -> out.put(code, new DailyFigures(a[0], a[1], a[2], a[3])));
        return out;
    }

    /** Stores a snapshot; rows already stored for the date are kept as they are (numbers sent upward never change). */
    public void saveSnapshot(LocalDate date, Instant cutoff, Instant takenAt, Map<String, DailyFigures> figures) {
        String sql = "INSERT INTO daily_report_snapshot (report_date, admin_unit_code, cutoff, taken_at, venues_registered, "
                + "venues_active, checkins, unique_visitors) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<String, DailyFigures> e : figures.entrySet()) {
                DailyFigures f = e.getValue();
                ps.setDate(1, Date.valueOf(date));
                ps.setString(2, e.getKey());
                ps.setTimestamp(3, Sql.ts(cutoff));
                ps.setTimestamp(4, Sql.ts(takenAt));
                ps.setInt(5, f.venuesRegistered());
                ps.setInt(6, f.venuesActive());
                ps.setInt(7, f.checkins());
                ps.setInt(8, f.uniqueVisitors());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the daily snapshot", e);
        }
    }

    public boolean hasSnapshot(LocalDate date) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM daily_report_snapshot WHERE report_date = ? LIMIT 1")) {
            ps.setDate(1, Date.valueOf(date));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read daily snapshots", e);
        }
    }

    public Map<String, SnapshotRow> snapshot(LocalDate date, List<String> unitCodes) {
        String sql = "SELECT admin_unit_code, cutoff, taken_at, venues_registered, venues_active, checkins, unique_visitors "
                + "FROM daily_report_snapshot WHERE report_date = ? AND admin_unit_code = ANY (?::text[])";
        Map<String, SnapshotRow> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(date));
            ps.setArray(2, Sql.textArray(c, unitCodes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("admin_unit_code"), new SnapshotRow(rs.getString("admin_unit_code"),
                            Sql.instant(rs, "cutoff"), Sql.instant(rs, "taken_at"),
                            new DailyFigures(rs.getInt("venues_registered"), rs.getInt("venues_active"),
                                    rs.getInt("checkins"), rs.getInt("unique_visitors"))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read daily snapshots", e);
        }
    }
}
