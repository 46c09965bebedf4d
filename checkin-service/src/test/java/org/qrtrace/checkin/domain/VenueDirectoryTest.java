package org.qrtrace.checkin.domain;

import org.junit.jupiter.api.Test;
import org.qrtrace.events.EntranceAdded;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.EventPayload;
import org.qrtrace.events.QrKeyRotated;
import org.qrtrace.events.QrTokenRevoked;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.VenueUpdated;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules that decide whether a signed code still admits anyone, from venue events alone. */
class VenueDirectoryTest {

    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    final VenueDirectory directory = new VenueDirectory();
    final UUID venue = UUID.randomUUID();
    final UUID gate = UUID.randomUUID();

    void apply(EventPayload payload, Instant at) {
        directory.apply(EventEnvelope.of(UUID.randomUUID(), at, "venue-service", payload));
    }

    KnownVenue venue() {
        return directory.find(venue).orElseThrow();
    }

    void register() {
        apply(new VenueRegistered(venue, "Chợ", "MARKET", "288", "x", null, null, 1,
                List.of(new VenueRegistered.Entrance(gate, "Cổng 1", 1))), T0);
    }

    @Test
    void registrationUpdatesAndEntrances() {
        register();
        UUID side = UUID.randomUUID();
        apply(new EntranceAdded(venue, side, "Cổng phụ", 1), T0);
        apply(new VenueUpdated(venue, "Chợ mới", "SUPERMARKET", "288", "x", null, null), T0);
        assertEquals("Chợ mới", venue().name());
        assertEquals("SUPERMARKET", venue().category());
        assertEquals("Cổng phụ", venue().entranceName(side));
        assertEquals("Cổng 1", venue().entranceName(gate));
    }

    @Test
    void olderVersionsAreValidUntilTheGracePeriodEndsAndNewerOnesAlways() {
        register();
        apply(new QrKeyRotated(venue, null, 2, T0.plus(Duration.ofHours(24))), T0);
        TokenLine line = venue().tokensOf(null);
        assertTrue(line.isCurrentAt(1, T0.plus(Duration.ofHours(23))));
        assertFalse(line.isCurrentAt(1, T0.plus(Duration.ofHours(24))));
        assertTrue(line.isCurrentAt(2, T0.plus(Duration.ofDays(30))));
        assertTrue(line.isCurrentAt(7, T0), "a newer version than known was issued: its rotation event is on its way");
        apply(new QrKeyRotated(venue, null, 3, T0.plus(Duration.ofHours(1))), T0);
        assertFalse(venue().tokensOf(null).isCurrentAt(1, T0.plus(Duration.ofHours(2))),
                "a later rotation with a shorter grace cuts older versions too");
        assertTrue(venue().tokensOf(gate).isCurrentAt(1, T0.plus(Duration.ofDays(3))), "entrances rotate separately");
    }

    @Test
    void anOlderVersionWithoutKnownRotationIsSuperseded() {
        apply(new VenueRegistered(venue, "Chợ", "MARKET", "288", "x", null, null, 4, List.of()), T0);
        assertFalse(venue().tokensOf(null).isCurrentAt(3, T0));
        assertTrue(venue().tokensOf(null).isCurrentAt(4, T0));
    }

    @Test
    void revocationsCoverTheirVersionsFromTheirTimeOn() {
        register();
        Instant revokedAt = T0.plus(Duration.ofHours(5));
        apply(new QrTokenRevoked(venue, gate, 1, "stolen"), revokedAt);
        assertNotNull(venue().revocationOf(gate, 1, revokedAt));
        assertNull(venue().revocationOf(gate, 1, revokedAt.minusSeconds(1)), "a scan before the revocation still counts");
        assertNull(venue().revocationOf(gate, 2, revokedAt));
        assertNull(venue().revocationOf(null, 1, revokedAt), "an entrance revocation leaves the venue's own code");
        apply(new QrTokenRevoked(venue, null, 1, "all"), revokedAt);
        assertNotNull(venue().revocationOf(null, 1, revokedAt));
        assertNotNull(venue().revocationOf(UUID.randomUUID(), 1, revokedAt), "null entrance: every entrance");
    }

    @Test
    void closureAndEventsOfAVenueWhoseRegistrationWasCompactedAway() {
        Instant closedAt = T0.plus(Duration.ofDays(1));
        apply(new VenueClosed(venue, closedAt, "order"), closedAt);
        KnownVenue v = venue();
        assertNull(v.name(), "known only from a later event");
        assertTrue(v.isClosedAt(closedAt));
        assertFalse(v.isClosedAt(closedAt.minusSeconds(1)));
    }
}
