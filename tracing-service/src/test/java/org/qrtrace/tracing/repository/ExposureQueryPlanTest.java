package org.qrtrace.tracing.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The depth-1 exposure query reads through the indexes: the index person's visits via (pseudonym, checked_in_at), the
 * overlapping visits via (venue_id, checked_in_at), only in the day partitions the window (minus the maximum stay)
 * touches. Fills the presence store with generated rows ({@code -Dtracing.plan.rows}, default 100,000) and writes the
 * EXPLAIN ANALYZE output to {@code target/exposure-query-plan.txt} (quoted in the README). No timing is asserted.
 *
 * <p>The plans are only as good as the statistics: every partition a query reads is filled by this test and analysed,
 * and they are whole UTC days that end before yesterday, so today's partition (which holds only what earlier tests wrote
 * and made the planner seq-scan it minutes after midnight) is never read, at whatever hour the test runs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class ExposureQueryPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void depthOneQueryUsesTheIndexesAndPrunesPartitions() throws Exception {
        int rows = Integer.getInteger("tracing.plan.rows", 100_000);
        // Data on 19 whole days [today - 20, today - 1); queries on the last 14 of them, so that the 72-hour look-back
        // for long stays still lands on filled days and midnight during the run changes nothing.
        Instant dataEnd = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = dataEnd.minus(Duration.ofDays(19));
        Instant to = dataEnd;
        Instant from = to.minus(Duration.ofDays(14));
        String person = "plan-index-person-" + System.nanoTime();
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // 19 days of visits at 2,000 venues by 50,000 people, 5 minutes to 4 hours long; the index person 12 times.
            s.execute("INSERT INTO visit (checked_in_at, checkin_id, pseudonym, venue_id, checked_out_at, auto_checkout_at, source) "
                    + "SELECT t, gen_random_uuid(), 'plan-p' || (random() * 50000)::int, "
                    + "('00000000-0000-4000-8000-' || lpad(((random() * 2000)::int)::text, 12, '0'))::uuid, "
                    + "t + (5 + random() * 235) * interval '1 minute', t + interval '4 hours', 'WEB' "
                    + "FROM (SELECT timestamptz '" + start + "' + random() * interval '19 days' AS t "
                    + "FROM generate_series(1, " + rows + ")) g");
            s.execute("INSERT INTO visit (checked_in_at, checkin_id, pseudonym, venue_id, checked_out_at, auto_checkout_at, source) "
                    + "SELECT t, gen_random_uuid(), '" + person + "', "
                    + "('00000000-0000-4000-8000-' || lpad(((random() * 2000)::int)::text, 12, '0'))::uuid, "
                    + "t + interval '1 hour', t + interval '1 hour', 'WEB' "
                    + "FROM (SELECT timestamptz '" + from + "' + (i * interval '1 day') AS t FROM generate_series(1, 12) i) g");
            s.execute("ANALYZE visit");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM visit")) {
                rs.next();
                out.append("-- visit rows in the store: ").append(rs.getLong(1)).append('\n');
            }

            String maxStay = "259200 seconds";
            String indexSql = PresenceRepository.VISITS_OF.replaceFirst("\\?", "'" + person + "'")
                    .replaceFirst("\\?", "'" + from.minus(Duration.ofHours(72)) + "'")
                    .replaceFirst("\\?", "'" + to + "'").replaceFirst("\\?", "'" + from + "'");
            String contactsSql = windowsSql(s, indexSql, maxStay);
            // Depth 2 asks the same for the F1s' later visits: thousands of windows. Without the OFFSET 0 fence the
            // planner flattened the lateral subquery and hash-joined the windows with a sequential scan of every
            // partition (seen at 1M rows: 1.6 s instead of 0.14 s).
            String depthTwoSql = windowsSql(s, "SELECT venue_id, checked_in_at, checked_out_at FROM visit "
                    + "WHERE pseudonym LIKE 'plan-p%' AND checked_in_at >= '" + from + "' AND checked_in_at < '" + to + "' "
                    + "ORDER BY random() LIMIT 3000", maxStay);
            long depthTwoWindows = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT").matcher(depthTwoSql).results().count() / 2;
            String indexPlan = explain(s, indexSql);
            String contactsPlan = explain(s, contactsSql);
            String depthTwoPlan = explain(s, depthTwoSql);
            out.append("-- 1. the index person's visits in a 14-day window\n").append(indexSql).append("\n\n").append(indexPlan)
                    .append("\n-- 2. everyone at those venues overlapping the visits extended by a 30-minute buffer\n")
                    .append(contactsSql).append("\n\n").append(contactsPlan)
                    .append("\n-- 3. depth 2: the same for ~").append(depthTwoWindows).append(" windows (SQL not shown)\n\n")
                    .append(depthTwoPlan);
            Path file = Path.of("target", "exposure-query-plan.txt");
            Files.writeString(file, out);

            assertTrue(indexPlan.contains("visit_pseudonym_in") || indexPlan.contains("pseudonym_checked_in_at"),
                    "index person's visits through the (pseudonym, checked_in_at) index:\n" + indexPlan);
            assertTrue(contactsPlan.contains("venue_id_checked_in_at") || contactsPlan.contains("visit_venue_in"),
                    "contacts through the (venue_id, checked_in_at) index:\n" + contactsPlan);
            // The planner may seq-scan a partition it knows to be empty; no sequential scan may read a row.
            assertFalse(seqScanReadsRows(indexPlan), "no sequential scan reads rows:\n" + indexPlan);
            assertFalse(seqScanReadsRows(contactsPlan), "no sequential scan reads rows:\n" + contactsPlan);
            assertTrue(depthTwoWindows > 1000, "windows: " + depthTwoWindows);
            assertFalse(depthTwoPlan.contains("Hash Join"), "3,000 windows still probe the index:\n" + depthTwoPlan);
            assertFalse(seqScanReadsRows(depthTwoPlan), "no sequential scan reads rows:\n" + depthTwoPlan);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DELETE FROM visit WHERE pseudonym LIKE 'plan-%'");
            }
        }
    }

    @Test
    void theSeqScanCheckTellsEmptyPartitionsFromRealScans() {
        String empty = "Append (actual rows=0 loops=1)\n  ->  Seq Scan on visit_p20261106 v_1 (actual rows=0 loops=1)\n"
                + "        Filter: (pseudonym = 'x'::text)\n  ->  Index Scan using i on visit_p20261107 v_2 (actual rows=1 loops=1)\n"
                + "        Rows Removed by Filter: 3\n";
        String real = "Append (actual rows=0 loops=1)\n  ->  Seq Scan on visit_p20261106 v_1 (actual rows=0 loops=1)\n"
                + "        Filter: (pseudonym = 'x'::text)\n        Rows Removed by Filter: 9000\n";
        assertFalse(seqScanReadsRows(empty));
        assertTrue(seqScanReadsRows(real));
    }

    /** The everyone-at-those-venues lookup for the visits a query returns, each extended by a 30-minute buffer. */
    static String windowsSql(Statement s, String visitsQuery, String maxStay) throws java.sql.SQLException {
        List<String> venues = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(visitsQuery)) {
            while (rs.next()) {
                venues.add(rs.getString("venue_id"));
                starts.add(rs.getTimestamp("checked_in_at").toInstant().toString());
                ends.add(rs.getTimestamp("checked_out_at").toInstant().plus(Duration.ofMinutes(30)).toString());
            }
        }
        return PresenceRepository.VISITS_INTERSECTING
                .replaceFirst("\\?", "'{" + String.join(",", venues) + "}'")
                .replaceFirst("\\?", "'{" + String.join(",", starts) + "}'")
                .replaceFirst("\\?", "'{" + String.join(",", ends) + "}'")
                .replaceFirst("\\?", "'" + maxStay + "'");
    }

    /** True when a Seq Scan node of the plan filtered rows out (i.e. actually read rows). */
    static boolean seqScanReadsRows(String plan) {
        boolean inSeqScan = false;
        for (String line : plan.split("\n")) {
            String t = line.strip();
            if (t.startsWith("->") || !line.startsWith(" ")) {
                inSeqScan = t.contains("Seq Scan on visit");
            } else if (inSeqScan && t.startsWith("Rows Removed by Filter")) {
                return true;
            }
        }
        return false;
    }

    private static String explain(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
