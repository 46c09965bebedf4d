package org.qrtrace.venue.rest;

import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.service.QrCodes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the venue API. QR URLs are only given for open venues (a closed venue's codes are revoked). */
public final class VenueViews {

    private VenueViews() {
    }

    public record VenueView(UUID id, String name, String category, String adminUnitCode, String address,
                            String contactPhone, Integer capacity, String organisation, String status, int tokenVersion,
                            String qrUrl, List<EntranceView> entrances, Instant createdAt, Instant updatedAt,
                            Instant closedAt, String closeReason) {
    }

    public record EntranceView(UUID id, String name, int tokenVersion, String qrUrl) {
    }

    public record VenuePage(List<VenueView> items, int page, int size, long total) {
    }

    public record RotationView(UUID venueId, UUID entranceId, int tokenVersion, Instant previousValidUntil,
                               String qrUrl) {
    }

    static VenueView of(Venue v, QrCodes.Issuer issuer) {
        boolean open = !v.closed();
        return new VenueView(v.id(), v.name(), v.category().name(), v.adminUnitCode(), v.address(), v.contactPhone(),
                v.capacity(), v.organisation(), open ? "ACTIVE" : "CLOSED", v.tokenVersion(),
                open ? issuer.venueUrl(v) : null,
                v.entrances().stream().map(e -> of(e, open ? issuer : null)).toList(), v.createdAt(), v.updatedAt(),
                v.closedAt(), v.closeReason());
    }

    static EntranceView of(Entrance e, QrCodes.Issuer issuer) {
        return new EntranceView(e.id(), e.name(), e.tokenVersion(), issuer == null ? null : issuer.entranceUrl(e));
    }
}
