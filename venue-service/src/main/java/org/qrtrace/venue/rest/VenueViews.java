package org.qrtrace.venue.rest;

import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.Placement;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.service.QrCodes;
import org.qrtrace.venue.service.VenuePlacements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the venue API. QR URLs are only given for open venues (a closed venue's codes are revoked). */
public final class VenueViews {

    private VenueViews() {
    }

    public record VenueView(UUID id, String name, String category, String adminUnitCode, PlacementView placement,
                            String address, String contactPhone, Integer capacity, String organisation, String status,
                            int tokenVersion, String qrUrl, List<EntranceView> entrances, Instant createdAt,
                            Instant updatedAt, Instant closedAt, String closeReason) {
    }

    /**
     * Where the venue's administrative unit stands today (docs/architecture.md, "Administrative units"). The venue keeps
     * the code it was given; the code and the day it was given ({@code givenOn}) name {@code unit}, a unit of
     * {@code edition}. {@code status}: IN_FORCE (the unit is in the list in force today), MAPPED (a unit of an earlier
     * list, placed by the official mergers) or UNKNOWN (the code named no unit on the day it was given; {@code unit}
     * null). {@code provinceToday}: the province in force today it lies in, null when its land went into several;
     * {@code communeToday}: the commune in force today, when decided; {@code candidates}: when the commune is not
     * decided, the units in force its land went into; {@code note}: what must be chosen, when something must.
     */
    public record PlacementView(String status, LocalDate givenOn, String edition, UnitRef unit, PlaceRef provinceToday,
                                PlaceRef communeToday, List<PlaceRef> candidates, String note) {
    }

    /** A unit named with its level. */
    public record UnitRef(String code, String name, String level) {
    }

    /** A unit named. */
    public record PlaceRef(String code, String name) {
    }

    public record EntranceView(UUID id, String name, int tokenVersion, String qrUrl) {
    }

    public record VenuePage(List<VenueView> items, int page, int size, long total) {
    }

    public record RotationView(UUID venueId, UUID entranceId, int tokenVersion, Instant previousValidUntil,
                               String qrUrl) {
    }

    static VenueView of(Venue v, QrCodes.Issuer issuer, VenuePlacements.Placer placer) {
        boolean open = !v.closed();
        return new VenueView(v.id(), v.name(), v.category().name(), v.adminUnitCode(), of(placer.place(v)),
                v.address(), v.contactPhone(), v.capacity(), v.organisation(), open ? "ACTIVE" : "CLOSED",
                v.tokenVersion(), open ? issuer.venueUrl(v) : null,
                v.entrances().stream().map(e -> of(e, open ? issuer : null)).toList(), v.createdAt(), v.updatedAt(),
                v.closedAt(), v.closeReason());
    }

    static PlacementView of(Placement p) {
        EditionUnit u = p.unit();
        return new PlacementView(p.status().name(), p.givenOn(), u == null ? null : u.edition(),
                u == null ? null : new UnitRef(u.code(), u.name(), u.level().name()), place(p.provinceToday()),
                place(p.communeToday()), p.candidates().stream().map(VenueViews::place).toList(), p.note());
    }

    private static PlaceRef place(EditionUnit u) {
        return u == null ? null : new PlaceRef(u.code(), u.name());
    }

    static EntranceView of(Entrance e, QrCodes.Issuer issuer) {
        return new EntranceView(e.id(), e.name(), e.tokenVersion(), issuer == null ? null : issuer.entranceUrl(e));
    }
}
