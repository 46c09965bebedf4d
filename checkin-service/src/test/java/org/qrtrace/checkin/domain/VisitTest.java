package org.qrtrace.checkin.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A visit is held compactly but gives back exactly what it was made of (the answer to a repeated scan is made of it). */
class VisitTest {

    static final String PSEUDONYM = "0123456789abcdef" + "fedcba9876543210" + "00ff00ff00ff00ff" + "8000000000000001";

    @Test
    void givesBackWhatItWasMadeOf() {
        UUID checkinId = UUID.randomUUID();
        UUID venueId = UUID.randomUUID();
        Instant in = Instant.parse("2026-11-23T07:58:00.123456789Z");
        Instant out = in.plus(Duration.ofHours(4));
        Visit v = new Visit(checkinId, Visit.Key.of(venueId, PSEUDONYM), "Bệnh viện", null, in, out, 3);
        assertEquals(checkinId, v.checkinId());
        assertTrue(v.hasCheckinId(checkinId));
        assertFalse(v.hasCheckinId(UUID.randomUUID()));
        assertEquals(venueId, v.venueId());
        assertEquals(PSEUDONYM, v.pseudonym());
        assertEquals("Bệnh viện", v.venueName());
        assertEquals(null, v.entranceName());
        assertEquals(in, v.checkedInAt());
        assertEquals(out, v.autoCheckoutAt());
        assertEquals(3, v.dependants());
        assertEquals(new CheckoutCapability(checkinId, venueId, PSEUDONYM, out), v.checkoutCapability());
        assertFalse(v.toString().contains(PSEUDONYM.substring(0, 16)), "no pseudonym in toString");
        assertFalse(v.key().toString().contains(PSEUDONYM.substring(0, 16)), "no pseudonym in toString");
    }

    @Test
    void keysOfTheSamePersonAtTheSameVenueAreEqual() {
        UUID venueId = UUID.randomUUID();
        Visit.Key key = Visit.Key.of(venueId, PSEUDONYM);
        assertEquals(key, Visit.Key.of(new UUID(venueId.getMostSignificantBits(), venueId.getLeastSignificantBits()),
                PSEUDONYM.toUpperCase()));
        assertEquals(key.hashCode(), Visit.Key.of(venueId, PSEUDONYM).hashCode());
        assertNotEquals(key, Visit.Key.of(UUID.randomUUID(), PSEUDONYM));
        assertNotEquals(key, Visit.Key.of(venueId, PSEUDONYM.substring(0, 63) + "0"));
        assertThrows(IllegalArgumentException.class, () -> Visit.Key.of(venueId, PSEUDONYM.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Visit.Key.of(venueId, "g" + PSEUDONYM.substring(1)));
    }
}
