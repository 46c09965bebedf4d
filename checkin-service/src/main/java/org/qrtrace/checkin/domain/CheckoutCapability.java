package org.qrtrace.checkin.domain;

import java.time.Instant;
import java.util.UUID;

/** What a valid check-out link proves: which visit (venue, person) it ends and when that visit ends by itself. */
public record CheckoutCapability(UUID checkinId, UUID venueId, String pseudonym, Instant autoCheckoutAt) {
}
