package org.qrtrace.venue.service.poster;

import java.util.UUID;

/** What one poster shows: the venue, optionally one of its entrances, and the URL its QR code encodes. */
public record PosterContent(UUID venueId, String venueName, String address, String adminUnitName, String entranceName,
                            String qrUrl) {
}
