package org.qrtrace.checkin.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a visitor is told after a check-in Kafka acknowledged. {@code checkoutSecret} is the capability that lets the
 * holder end this visit (see {@code CheckoutLinks}).
 */
public record CheckinReceipt(UUID checkinId, UUID venueId, String venueName, String entranceName, Instant checkedInAt,
                             Instant autoCheckoutAt, String checkoutSecret, int dependants) {
}
