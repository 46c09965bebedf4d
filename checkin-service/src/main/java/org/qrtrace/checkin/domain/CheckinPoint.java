package org.qrtrace.checkin.domain;

import java.util.UUID;

/**
 * Where a verified QR code checks people in: the venue (and entrance) with what the page shows and the category that
 * sets the default stay.
 */
public record CheckinPoint(UUID venueId, UUID entranceId, String venueName, String entranceName, String category,
                           String token) {
}
