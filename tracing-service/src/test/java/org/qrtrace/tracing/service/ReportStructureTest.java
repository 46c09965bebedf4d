package org.qrtrace.tracing.service;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.adminunit.EditionUnit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a daily report rolls up in one edition, and where units of the other edition count (no database). */
class ReportStructureTest {

    static final AdminUnitRegistry REGISTRY = AdminUnitRegistry.bundled();

    static EditionUnit unit(String edition, String code) {
        return REGISTRY.find(edition, code).orElseThrow();
    }

    /** The rows a unit code given on {@code day} counts in. */
    static Set<String> rowsOf(ReportStructure s, String code, LocalDate day) {
        Set<String> rows = new TreeSet<>();
        for (ReportStructure.Counted c : s.counted()) {
            if (c.code().equals(code) && (c.givenFrom() == null || !day.isBefore(c.givenFrom()))
                    && (c.givenBefore() == null || day.isBefore(c.givenBefore()))) {
                rows.add(c.rowKey());
            }
        }
        return rows;
    }

    @Test
    void theNewProvinceRollsUpCommuneToProvinceAndPlacesOldUnitsThroughTheMapping() {
        ReportStructure s = ReportStructure.of(REGISTRY, unit("2025-07-01", "31"));
        assertEquals("2025-07-01", s.edition());
        List<String> keys = s.rows().stream().map(ReportStructure.Line::key).toList();
        assertEquals("31", keys.get(0), "the unit first");
        assertEquals("31~", keys.get(keys.size() - 1), "its NOT_PLACED row after its communes");
        assertTrue(s.rows().stream().filter(l -> !l.notPlaced()).skip(1).allMatch(l -> "31".equals(l.unit().parentCode())),
                "two levels: every other row is a commune of 31");

        LocalDate june = LocalDate.of(2025, 6, 15);
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertEquals(Set.of("10507", "31"), rowsOf(s, "10507", today), "new Phường Thành Đông, given today");
        assertEquals(Set.of("10507", "31"), rowsOf(s, "10507", june), "old Phường Cẩm Thượng went wholly into it");
        assertEquals(Set.of("10507", "31"), rowsOf(s, "10510", june), "old Phường Bình Hàn too");
        assertEquals(Set.of("31", "31~"), rowsOf(s, "288", june),
                "old district 288 is spread over nine communes: in 31, in no commune of it");
        assertEquals(Set.of("31", "31~"), rowsOf(s, "30", june), "a venue registered under old province 30 itself");
        assertEquals(Set.of("31", "31~"), rowsOf(s, "31", today), "a venue registered under the province itself");
        assertEquals(Set.of(), rowsOf(s, "718", june), "a district of another province");
    }

    @Test
    void theOldProvinceRollsUpCommuneDistrictProvinceAndPlacesNewCommunesInTheDistrictTheyCameFrom() {
        ReportStructure s = ReportStructure.of(REGISTRY, unit("2025-03-01", "30"));
        List<String> keys = s.rows().stream().map(ReportStructure.Line::key).toList();
        assertEquals("30", keys.get(0));
        int district = keys.indexOf("288");
        int commune = keys.indexOf("10507");
        int notPlaced = keys.indexOf("288~");
        assertTrue(district < commune && commune < notPlaced, "district, its communes, its NOT_PLACED row: " + keys);
        assertEquals("30~", keys.get(keys.size() - 1));

        LocalDate june = LocalDate.of(2025, 6, 15);
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertEquals(Set.of("10507", "288", "30"), rowsOf(s, "10507", june), "old Phường Cẩm Thượng, as it was");
        assertEquals(Set.of("288", "288~", "30"), rowsOf(s, "10507", today),
                "new Phường Thành Đông, made of several communes of 288: in 288, in none of its communes");
        assertEquals(Set.of("288", "288~", "30"), rowsOf(s, "288", june), "a venue registered under the district");
    }

    /**
     * The guarantee behind "a province's figure is the sum of its units' figures": whatever the edition of its code,
     * each unit counts in one chain of rows, from one lowest row (a lowest unit, or a NOT_PLACED row) up to the root,
     * so each row's count is the sum of its children's and its NOT_PLACED row's.
     */
    @Test
    void everyUnitCountsInExactlyOneChainFromOneLowestRowToTheRoot() {
        for (EditionUnit root : List.of(unit("2025-07-01", "31"), unit("2025-03-01", "30"), unit("2025-07-01", "01"))) {
            ReportStructure s = ReportStructure.of(REGISTRY, root);
            AdminUnits tree = REGISTRY.tree(root.edition());
            Map<String, List<String>> chains = new LinkedHashMap<>();
            for (ReportStructure.Counted c : s.counted()) {
                chains.computeIfAbsent(c.code() + "@" + c.givenFrom() + "/" + c.givenBefore(), k -> new ArrayList<>())
                        .add(c.rowKey());
            }
            assertFalse(chains.isEmpty());
            for (Map.Entry<String, List<String>> e : chains.entrySet()) {
                List<String> rows = e.getValue();
                assertEquals(rows.size(), new TreeSet<>(rows).size(), "no row twice: " + e);
                String lowest = rows.get(0);
                boolean notPlaced = lowest.endsWith("~");
                String from = notPlaced ? lowest.substring(0, lowest.length() - 1) : lowest;
                assertTrue(notPlaced || tree.children(from).isEmpty(), "starts at a lowest row: " + e);
                List<String> expected = new ArrayList<>();
                if (notPlaced) {
                    expected.add(lowest);
                }
                for (var a : tree.ancestry(from)) {
                    expected.add(a.code());
                    if (a.code().equals(root.code())) {
                        break;
                    }
                }
                assertEquals(expected, rows, "then every ancestor up to the root: " + e);
                assertEquals(root.code(), rows.get(rows.size() - 1));
            }
            Map<String, Integer> perRow = new HashMap<>();
            s.counted().forEach(c -> perRow.merge(c.rowKey(), 1, Integer::sum));
            assertTrue(s.rows().stream().allMatch(l -> l.notPlaced() || perRow.containsKey(l.key())),
                    "every unit row of " + root + " has codes counting in it");
        }
    }

    @Test
    void theCountrySnapshotHasEveryProvinceOfTheEdition() {
        ReportStructure s = ReportStructure.country(REGISTRY, "2025-07-01");
        assertEquals(34, s.rows().stream().filter(l -> !l.notPlaced() && l.unit().parentCode() == null).count());
        assertEquals(3321 + 34 + 34, s.rows().size(), "34 provinces, 3,321 communes, a NOT_PLACED row per province");
    }
}
