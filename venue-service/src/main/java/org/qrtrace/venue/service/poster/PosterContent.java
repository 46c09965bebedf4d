package org.qrtrace.venue.service.poster;

import java.util.UUID;

/**
 * What one poster shows: the venue, optionally one of its entrances, and the URL its QR code encodes.
 * {@code adminUnitName}: the venue's unit and its ancestors as registered (null = none known); {@code adminUnitToday}:
 * what that unit is today when it is no longer in force, e.g. "(nay: Thành phố Hải Phòng)" (null = nothing to add).
 */
public record PosterContent(UUID venueId, String venueName, String address, String adminUnitName,
                            String adminUnitToday, String entranceName, String qrUrl) {
}
