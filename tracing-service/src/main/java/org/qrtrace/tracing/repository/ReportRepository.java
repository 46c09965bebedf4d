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
 * Daily counts per report row. Each row is mapped to every unit code (with the days on which it names the unit) that
 * counts in it, so one grouped query counts distinct visitors per row (distinct counts cannot be summed from children).
 */
@ApplicationScoped
public class ReportRepository {

    private final Jdbc jdbc;

    ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which report row each unit counts towards: venues and cases whose unit code is {@code codes[i]}, given on a day in
     * [{@code givenFrom[i]}, {@code givenBefore[i]}) (null: unbounded), count in row {@code rows[i]}.
     */
    public record RowMapping(List<String> codes, List<LocalDate> givenFrom, List<LocalDate> givenBefore, List<String> rows) {
    }

    /** A stored snapshot row, keyed by {@link #rowKey(String, boolean)}. */
    public record SnapshotRow(String rowKey, Instant cutoff, Instant takenAt, DailyFigures figures) {
    }

    /** The mapping as the four arrays of {@code unnest}, and the join of a table's unit code and its day with it. */
    private static final String MAPPING = "unnest(?::text[], ?::date[], ?::date[], ?::text[]) AS m(code, given_from, given_before, row_code)";

    private static String given(String alias) {
        return alias + ".admin_unit_code = m.code AND (m.given_from IS NULL OR " + alias + ".admin_unit_given_on >= m.given_from) "
                + "AND (m.given_before IS NULL OR " + alias + ".admin_unit_given_on < m.given_before)";
    }

    private static Object[] mapping(RowMapping m) {
        return new Object[] {m.codes(), m.givenFrom(), m.givenBefore(), m.rows()};
    }

    private static final int FIGURES = 10;
    /** The snapshot's figure columns, in {@link DailyFigures}' order. */
    private static final String SNAPSHOT_COLUMNS = "venues_registered, venues_active, checkins, unique_visitors, cases, "
            + "contacts_identified, notified, delivered, reached, tested_positive";
    private static final List<String> CASE_WORK_KINDS = List.of("cases", "contacts", "notified", "delivered", "reached",
            "positive");
    /** The day's work on cases, each counted in the unit of its case (a contact or message belongs to one case). */
    private static final String CASE_WORK = "WITH e(admin_unit_code, admin_unit_given_on, kind) AS ("
            + "SELECT admin_unit_code, admin_unit_given_on, 'cases' FROM confirmed_case WHERE confirmed_at >= ? AND confirmed_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, k.admin_unit_given_on, 'contacts' FROM case_contact c JOIN confirmed_case k ON k.id = c.case_id "
            + "  WHERE c.recorded_at >= ? AND c.recorded_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, k.admin_unit_given_on, 'notified' FROM notification n JOIN confirmed_case k ON k.id = n.case_id "
            + "  WHERE n.submitted_at >= ? AND n.submitted_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, k.admin_unit_given_on, 'delivered' FROM notification n JOIN confirmed_case k ON k.id = n.case_id "
            + "  WHERE n.status = 'DELIVERED' AND n.updated_at >= ? AND n.updated_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, k.admin_unit_given_on, 'reached' FROM case_contact c JOIN confirmed_case k ON k.id = c.case_id "
            + "  WHERE c.follow_up_status IN ('REACHED', 'QUARANTINED', 'TESTED_NEGATIVE', 'TESTED_POSITIVE') "
            + "  AND c.follow_up_updated_at >= ? AND c.follow_up_updated_at < ? "
            + "UNION ALL SELECT k.admin_unit_code, k.admin_unit_given_on, 'positive' FROM case_contact c JOIN confirmed_case k ON k.id = c.case_id "
            + "  WHERE c.follow_up_status = 'TESTED_POSITIVE' AND c.follow_up_updated_at >= ? AND c.follow_up_updated_at < ?) "
            + "SELECT m.row_code, " + String.join(", ", CASE_WORK_KINDS.stream()
                    .map(k -> "count(*) FILTER (WHERE e.kind = '" + k + "') AS " + k).toList())
            + " FROM " + MAPPING + " JOIN e ON " + given("e") + " GROUP BY m.row_code";

    /**
     * Figures per report row (keyed by {@link RowMapping#rows()}) for check-ins in [start, end), venues registered
     * before end and open at start, and the day's work on cases in [start, end).
     */
    public Map<String, DailyFigures> figures(RowMapping mapping, Instant start, Instant end) {
        String venuesSql = "SELECT m.row_code, count(*) AS registered FROM " + MAPPING + " JOIN venue v ON " + given("v")
                + " WHERE v.registered_at < ? AND (v.closed_at IS NULL OR v.closed_at >= ?) GROUP BY m.row_code";
        String visitsSql = "SELECT m.row_code, count(DISTINCT x.venue_id) AS active, count(DISTINCT x.checkin_id) AS checkins, "
                + "count(DISTINCT x.pseudonym) AS visitors FROM " + MAPPING + " JOIN venue v ON " + given("v") + " "
                + "JOIN visit x ON x.venue_id = v.venue_id AND x.checked_in_at >= ? AND x.checked_in_at < ? "
                + "GROUP BY m.row_code";
        Map<String, int[]> acc = new HashMap<>();
        jdbc.with("compute daily figures", c -> {
            Jdbc.query(c, venuesSql, rs -> acc.computeIfAbsent(rs.getString(1), k -> new int[FIGURES])[0] = rs.getInt("registered"),
                    params(mapping(mapping), end, start));
            Jdbc.query(c, visitsSql, rs -> {
                int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[FIGURES]);
                a[1] = rs.getInt("active");
                a[2] = rs.getInt("checkins");
                a[3] = rs.getInt("visitors");
                return a;
            }, params(mapping(mapping), start, end));
            return Jdbc.query(c, CASE_WORK, rs -> {
                int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[FIGURES]);
                for (int i = 0; i < CASE_WORK_KINDS.size(); i++) {
                    a[4 + i] = rs.getInt(CASE_WORK_KINDS.get(i));
                }
                return a;
            }, params(new Object[] {start, end, start, end, start, end, start, end, start, end, start, end},
                    mapping(mapping)));
        });
        Map<String, DailyFigures> out = new HashMap<>();
        acc.forEach((code, a) -> out.put(code, DailyFigures.of(a)));
        return out;
    }

    private static Object[] params(Object[] first, Object... then) {
        Object[] out = java.util.Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, out, first.length, then.length);
        return out;
    }

    /**
     * Stores a snapshot of the date in one structure (edition), rows keyed as {@link SnapshotRow#rowKey()}; rows already
     * stored are kept as they are (numbers sent upward never change).
     */
    public void saveSnapshot(LocalDate date, String structure, Instant cutoff, Instant takenAt,
                             Map<String, DailyFigures> figures) {
        List<String> keys = List.copyOf(figures.keySet());
        List<DailyFigures> rows = keys.stream().map(figures::get).toList();
        List<Object> parameters = new ArrayList<>(List.of(date, structure, cutoff, takenAt,
                keys.stream().map(ReportRepository::codeOf).toList(), keys.stream().map(ReportRepository::notPlaced).toList()));
        for (int i = 0; i < FIGURES; i++) {
            int figure = i;
            parameters.add(rows.stream().map(f -> f.asList().get(figure)).toList());
        }
        jdbc.update("store the daily snapshot", "INSERT INTO daily_report_snapshot (report_date, structure, cutoff, "
                + "taken_at, admin_unit_code, not_placed, " + SNAPSHOT_COLUMNS + ") SELECT ?::date, ?, ?::timestamptz, "
                + "?::timestamptz, f.* FROM unnest(?::text[], ?::boolean[]"
                + ", ?::int[]".repeat(FIGURES) + ") AS f ON CONFLICT DO NOTHING", parameters.toArray());
    }

    public boolean hasSnapshot(LocalDate date) {
        return jdbc.first("read daily snapshots", "SELECT 1 FROM daily_report_snapshot WHERE report_date = ? LIMIT 1",
                rs -> true, date).isPresent();
    }

    /** The frozen rows of the date in one structure among {@code rowKeys}, by row key. */
    public Map<String, SnapshotRow> snapshot(LocalDate date, String structure, List<String> rowKeys) {
        String sql = "SELECT admin_unit_code, not_placed, cutoff, taken_at, " + SNAPSHOT_COLUMNS
                + " FROM daily_report_snapshot WHERE report_date = ? AND structure = ? AND admin_unit_code = ANY (?::text[])";
        List<String> codes = rowKeys.stream().map(ReportRepository::codeOf).distinct().toList();
        Map<String, SnapshotRow> out = new HashMap<>();
        for (SnapshotRow row : jdbc.query("read daily snapshots", sql, rs -> {
            int[] f = new int[FIGURES];
            for (int i = 0; i < FIGURES; i++) {
                f[i] = rs.getInt(5 + i);
            }
            String key = rowKey(rs.getString("admin_unit_code"), rs.getBoolean("not_placed"));
            return new SnapshotRow(key, Sql.instant(rs, "cutoff"), Sql.instant(rs, "taken_at"), DailyFigures.of(f));
        }, date, structure, codes)) {
            out.put(row.rowKey(), row);
        }
        return out;
    }

    /** The key of a report row: the unit's code, followed by {@code ~} for the unit's NOT_PLACED row. */
    public static String rowKey(String code, boolean notPlaced) {
        return notPlaced ? code + "~" : code;
    }

    private static String codeOf(String rowKey) {
        return notPlaced(rowKey) ? rowKey.substring(0, rowKey.length() - 1) : rowKey;
    }

    private static boolean notPlaced(String rowKey) {
        return rowKey.endsWith("~");
    }
}
