package org.qrtrace.venue.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.Venue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A row of table {@code venue} (Flyway's V1, V2). Only the repositories use rows; services see the {@link Venue} record.
 * The derived columns ({@code name_key}, {@code address_key}, {@code search_text}) are set from the name and address
 * here, in one place, whenever those change.
 */
@Entity
@Table(name = "venue")
public class VenueRow extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "name", nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false)
    public Category category;

    @Column(name = "admin_unit_code", nullable = false)
    public String adminUnitCode;

    /** The local day the code was given: with the code, it names the unit (Flyway's V2). */
    @Column(name = "admin_unit_given_on", nullable = false)
    public LocalDate adminUnitGivenOn;

    @Column(name = "address", nullable = false)
    public String address;

    /** E.164; personal data, never logged. */
    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "capacity")
    public Integer capacity;

    @Column(name = "organisation")
    public String organisation;

    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Column(name = "address_key", nullable = false)
    public String addressKey;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "token_issued_at", nullable = false)
    public Instant tokenIssuedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_reason")
    public String closeReason;

    /** A new row for a venue about to be registered. */
    static VenueRow of(Venue venue) {
        VenueRow row = new VenueRow();
        row.id = venue.id();
        row.organisation = venue.organisation();
        row.tokenVersion = venue.tokenVersion();
        row.tokenIssuedAt = venue.tokenIssuedAt();
        row.createdAt = venue.createdAt();
        row.closedAt = venue.closedAt();
        row.closeReason = venue.closeReason();
        row.describe(venue);
        return row;
    }

    /** Copies the descriptive fields of {@code venue} (what an update may change) and the keys derived from them. */
    void describe(Venue venue) {
        IdentityKey key = IdentityKey.of(venue.adminUnitCode(), venue.name(), venue.address());
        name = venue.name();
        category = venue.category();
        adminUnitCode = venue.adminUnitCode();
        adminUnitGivenOn = venue.adminUnitGivenOn();
        address = venue.address();
        contactPhone = venue.contactPhone();
        capacity = venue.capacity();
        nameKey = key.nameKey();
        addressKey = key.addressKey();
        searchText = IdentityKey.searchable(venue.name());
        updatedAt = venue.updatedAt();
    }

    Venue toVenue(List<Entrance> entrances) {
        return new Venue(id, name, category, adminUnitCode, adminUnitGivenOn, address, contactPhone, capacity,
                organisation, tokenVersion, tokenIssuedAt, createdAt, updatedAt, closedAt, closeReason, entrances);
    }
}
