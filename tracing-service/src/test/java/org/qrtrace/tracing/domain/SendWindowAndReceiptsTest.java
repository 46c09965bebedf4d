package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendWindowAndReceiptsTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void windowIsInLocalHours() {
        SendWindow day = SendWindow.of("07:00", "21:00", HCM);
        assertTrue(day.isOpen(Instant.parse("2026-12-04T00:00:00Z")));    // 07:00 local
        assertFalse(day.isOpen(Instant.parse("2026-12-03T23:59:00Z")));   // 06:59 local
        assertFalse(day.isOpen(Instant.parse("2026-12-04T14:00:00Z")));   // 21:00 local
        SendWindow all = SendWindow.of("00:00", "24:00", HCM);
        assertTrue(all.isOpen(Instant.parse("2026-12-04T16:59:00Z")));    // 23:59 local
        assertTrue(all.isOpen(Instant.parse("2026-12-04T17:00:00Z")));    // 00:00 local
        SendWindow night = SendWindow.of("22:00", "02:00", HCM);
        assertTrue(night.isOpen(Instant.parse("2026-12-04T18:00:00Z")));  // 01:00 local
        assertFalse(night.isOpen(Instant.parse("2026-12-04T20:00:00Z"))); // 03:00 local
        assertThrows(IllegalArgumentException.class, () -> SendWindow.of("7h", "21:00", HCM));
        assertThrows(IllegalArgumentException.class, () -> SendWindow.of("08:00", "08:00", HCM));
    }

    @Test
    void receiptsOfAllPartsDecide() {
        List<String> ids = List.of("a", "b");
        assertEquals(Optional.empty(), ReceiptOutcome.of(ids, Map.of("a", "DELIVRD")));
        assertEquals(Optional.of(NotificationStatus.DELIVERED), ReceiptOutcome.of(ids, Map.of("a", "DELIVRD", "b", "DELIVRD")));
        assertEquals(Optional.of(NotificationStatus.FAILED), ReceiptOutcome.of(ids, Map.of("b", "UNDELIV")));
        assertEquals(Optional.of(NotificationStatus.FAILED), ReceiptOutcome.of(ids, Map.of("a", "EXPIRED", "b", "REJECTD")));
        assertEquals(Optional.of(NotificationStatus.EXPIRED), ReceiptOutcome.of(ids, Map.of("a", "EXPIRED", "b", "DELIVRD")));
        assertEquals(Optional.empty(), ReceiptOutcome.of(List.of(), Map.of()));
    }
}
