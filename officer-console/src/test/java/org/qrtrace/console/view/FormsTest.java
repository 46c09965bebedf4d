package org.qrtrace.console.view;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormsTest {

    private final Forms f = new Forms(Times.VN);

    @Test
    void localDateTimeIsVietnamTime() {
        assertEquals(Instant.parse("2026-12-03T07:00:00Z"), f.localDateTime("from", "2026-12-03T14:00", true));
        assertTrue(f.ok());
    }

    @Test
    void badDateAndDateTimeAreFieldErrors() {
        assertNull(f.localDateTime("from", "03/12/2026 14:00", true));
        assertNull(f.date("date", "2026-02-30", false));
        assertNull(f.localDateTime("to", "", true));
        assertEquals("err_datetime", f.errors().get("from"));
        assertEquals("err_date", f.errors().get("date"));
        assertEquals("err_required", f.errors().get("to"));
    }

    @Test
    void dateBlankIsAllowedWhenOptional() {
        assertNull(f.date("date", " ", false));
        assertEquals(LocalDate.of(2026, 12, 4), f.date("date", "2026-12-04", false));
        assertTrue(f.ok());
    }

    @Test
    void phonesAsPeopleWriteThem() {
        assertEquals("0912 345 678", f.phone("phone", "0912 345 678"));
        assertEquals("+84912345678", f.phone("p2", "+84912345678"));
        assertEquals("091.234.5678", f.phone("p3", "091.234.5678"));
        assertTrue(f.ok());
        assertNull(f.phone("p4", "12345"));
        assertNull(f.phone("p5", "0912abc678"));
        assertNull(f.phone("p6", ""));
        assertEquals("err_phone", f.errors().get("p4"));
        assertEquals("err_phone", f.errors().get("p5"));
        assertEquals("err_required", f.errors().get("p6"));
    }

    @Test
    void numbersWithinRangeAndDefaults() {
        assertEquals(30, f.integer("b", "", 0, 1440, 30));
        assertEquals(45, f.integer("b2", " 45 ", 0, 1440, 30));
        assertNull(f.integer("d", "3", 1, 2, 2));
        assertNull(f.integer("e", "x", 1, 2, 2));
        assertEquals("err_range", f.errors().get("d"));
        assertEquals("err_number", f.errors().get("e"));
    }

    @Test
    void unitCodesAndChoices() {
        assertEquals("30", f.unitCode("u", "30", true));
        assertNull(f.unitCode("u2", "3", true));
        assertNull(f.unitCode("u3", "30a", false));
        assertNull(f.unitCode("u4", "", false));
        assertEquals("OPEN", f.oneOf("s", "OPEN", List.of("OPEN", "CLOSED")));
        assertNull(f.oneOf("s2", "DROP TABLE", List.of("OPEN", "CLOSED")));
        assertEquals("err_unit", f.errors().get("u2"));
        assertEquals("err_unit", f.errors().get("u3"));
        assertEquals("err_choice", f.errors().get("s2"));
        assertEquals(3, f.errors().size());
    }

    @Test
    void windowsInLocalTime() {
        assertEquals("14:00–16:30, 03/12/2026",
                Times.window(Instant.parse("2026-12-03T07:00:00Z"), Instant.parse("2026-12-03T09:30:00Z")));
        assertEquals("03/12/2026 23:00 – 04/12/2026 01:00",
                Times.window(Instant.parse("2026-12-03T16:00:00Z"), Instant.parse("2026-12-03T18:00:00Z")));
        assertEquals("2026-12-03T14:00", Times.input(Instant.parse("2026-12-03T07:00:00Z")));
    }
}
