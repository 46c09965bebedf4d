package org.qrtrace.common;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.rest.QueryParams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminUnitsTest {

    /** The tree of the list in force until 2025-06-30 (three levels). */
    final AdminUnits units = AdminUnitRegistry.bundled().tree("2025-03-01");

    @Test
    void theTreeOfAnEditionHasTheOfficialCodes() {
        assertEquals("Tỉnh Hải Dương", units.find("30").orElseThrow().name());
        assertEquals("Thành phố Hải Dương", units.find("288").orElseThrow().name());
        assertEquals(12, units.children("30").size(), "Hải Dương has 12 district-level units");
        for (String province : new String[] {"74", "84", "20", "72"}) {
            assertEquals(AdminUnit.Level.PROVINCE, units.find(province).orElseThrow().level());
            assertFalse(units.children(province).isEmpty());
        }
    }

    @Test
    void subtreeAndAncestry() {
        assertTrue(units.subtree("30").containsAll(java.util.List.of("30", "288", "10528")));
        assertFalse(units.subtree("30").contains("74"));
        assertTrue(units.isWithin("10528", "30"));
        assertTrue(units.isWithin("288", "288"));
        assertFalse(units.isWithin("718", "30"));
        assertEquals(java.util.List.of("10528", "288", "30"),
                units.ancestry("10528").stream().map(AdminUnit::code).toList());
        assertTrue(units.find("99999").isEmpty());
        assertEquals("2025-03-01", units.dataVersion());
    }

    static final java.time.LocalDate BEFORE = java.time.LocalDate.of(2025, 6, 15);
    static final java.time.LocalDate AFTER = java.time.LocalDate.of(2026, 12, 4);

    @Test
    void aJurisdictionCoversItsUnitAndEverythingBelowIt() {
        for (java.time.LocalDate on : java.util.List.of(BEFORE, AFTER)) {
            Jurisdiction haiDuong = new Jurisdiction(AdminUnitCode.of("30"), on);
            assertTrue(haiDuong.known(), "a token saying 30 keeps meaning Hải Dương on " + on);
            assertTrue(haiDuong.covers(AdminUnitCode.of("30"), BEFORE));
            assertTrue(haiDuong.covers(AdminUnitCode.of("288"), BEFORE));
            assertTrue(haiDuong.covers(AdminUnitCode.of("288"), AFTER), "288 given after 2025-07-01 is still old 288");
            assertTrue(haiDuong.covers(AdminUnitCode.of("10528"), BEFORE));
            assertFalse(haiDuong.covers(AdminUnitCode.of("718"), BEFORE), "a district of another province");
            assertFalse(haiDuong.covers(AdminUnitCode.of("99999"), on), "a code the registry does not know");
            assertFalse(haiDuong.covers((AdminUnitCode) null));
            assertFalse(new Jurisdiction(AdminUnitCode.of("288"), on).covers(AdminUnitCode.of("30"), BEFORE), "not upwards");
        }
    }

    @Test
    void aJurisdictionFollowsTheReorganisationBothWays() {
        Jurisdiction haiPhong = new Jurisdiction(AdminUnitCode.of("31"), AFTER);
        assertTrue(haiPhong.covers(AdminUnitCode.of("30"), BEFORE), "new Hải Phòng covers what was Hải Dương");
        assertTrue(haiPhong.covers(AdminUnitCode.of("288"), BEFORE));
        assertTrue(haiPhong.covers(AdminUnitCode.of("288"), AFTER), "an old district code given today, mapped");
        assertTrue(haiPhong.covers(AdminUnitCode.of("10507"), AFTER), "a commune of the new list");
        assertFalse(haiPhong.covers(AdminUnitCode.of("718"), BEFORE), "not another province");
        Jurisdiction stillThirty = new Jurisdiction(AdminUnitCode.of("30"), AFTER);
        assertTrue(stillThirty.covers(AdminUnitCode.of("10507"), AFTER), "a token still saying 30 sees the new commune made of Hải Dương's");
        assertFalse(stillThirty.covers(AdminUnitCode.of("31"), AFTER), "but not the whole new province");
        assertTrue(haiPhong.candidateCodes().containsAll(java.util.Set.of("30", "288", "10507", "31")));
        assertFalse(haiPhong.candidateCodes().contains("718"));
    }

    @Test
    void aUnitCodeIsTwoToFiveDigitsAndAMalformedParameterNamesItsField() {
        assertEquals("10528", AdminUnitCode.of("10528").value());
        assertTrue(units.find(AdminUnitCode.of("288")).isPresent());
        for (String bad : new String[] {"", "3", "123456", "30a", " 30", "٣٠"}) {
            assertThrows(IllegalArgumentException.class, () -> AdminUnitCode.of(bad), bad);
        }
        assertEquals(AdminUnitCode.of("30"), QueryParams.adminUnitCode("adminUnitCode", " 30 "));
        assertEquals(null, QueryParams.adminUnitCode("adminUnitCode", ""));
        InvalidInput e = assertThrows(InvalidInput.class, () -> QueryParams.adminUnitCode("adminUnitCode", "Hải Dương"));
        assertEquals("adminUnitCode", e.errors().get(0).field());
    }
}
