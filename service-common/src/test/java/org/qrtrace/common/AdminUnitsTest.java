package org.qrtrace.common;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnits;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminUnitsTest {

    final AdminUnits units = AdminUnits.bundled();

    @Test
    void shipsTheProvincesOfTheSourceOrdersWithOfficialCodes() {
        assertEquals("Tỉnh Hải Dương", units.find("30").orElseThrow().name());
        assertEquals("Thành phố Hải Dương", units.find("288").orElseThrow().name());
        assertEquals(12, units.children("30").size(), "Hải Dương has 12 district-level units");
        for (String province : new String[] {"74", "84", "20", "72"}) {
            assertEquals(AdminUnit.Level.PROVINCE, units.find(province).orElseThrow().level());
            assertFalse(units.children(province).isEmpty());
        }
        assertTrue(units.find("30").orElseThrow().population() > 1_800_000);
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
        assertFalse(units.dataVersion().isBlank());
    }

    @Test
    void rejectsABrokenFile() {
        String orphan = "code,name,level,parentCode,population\n30,A,PROVINCE,,\n288,B,COMMUNE,30,\n";
        assertThrows(IllegalArgumentException.class,
                () -> AdminUnits.parse(new ByteArrayInputStream(orphan.getBytes(StandardCharsets.UTF_8))));
        String duplicate = "code,name,level,parentCode,population\n30,A,PROVINCE,,\n30,B,PROVINCE,,\n";
        assertThrows(IllegalArgumentException.class,
                () -> AdminUnits.parse(new ByteArrayInputStream(duplicate.getBytes(StandardCharsets.UTF_8))));
    }
}
