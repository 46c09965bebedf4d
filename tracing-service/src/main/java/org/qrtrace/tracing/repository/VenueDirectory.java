package org.qrtrace.tracing.repository;

import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The venues tracing-service knows from venue.events: names, categories, administrative units, status. */
@ApplicationScoped
public class VenueDirectory {

    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";

    private final Jdbc jdbc;

    VenueDirectory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A venue as the directory knows it ({@code address} null when the events carried none); its unit is the one
     * {@code adminUnitCode} named on {@code adminUnitGivenOn} (docs/architecture.md, "Administrative units").
     */
    public record Venue(UUID venueId, String name, String category, AdminUnitCode adminUnitCode,
                        LocalDate adminUnitGivenOn, String status, String address) {
    }

    /** The unit code keeps the day it was first given: a later event sending the same code again does not move it. */
    private static final String UNIT_DAY = "admin_unit_given_on = CASE WHEN venue.admin_unit_code = "
            + "EXCLUDED.admin_unit_code THEN venue.admin_unit_given_on ELSE EXCLUDED.admin_unit_given_on END";

    /** A venue registered at {@code at}: its unit code is given that (Vietnamese) day. */
    public void register(UUID venueId, String name, String category, AdminUnitCode adminUnitCode, String address,
                         Instant at) {
        String sql = "INSERT INTO venue (venue_id, name, category, admin_unit_code, admin_unit_given_on, address, status, "
                + "registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (venue_id) DO UPDATE SET "
                + "name = EXCLUDED.name, category = EXCLUDED.category, admin_unit_code = EXCLUDED.admin_unit_code, "
                + UNIT_DAY + ", address = EXCLUDED.address, "
                + "registered_at = LEAST(venue.registered_at, EXCLUDED.registered_at), updated_at = EXCLUDED.updated_at";
        jdbc.update("write the venue directory", sql, venueId, name, category, adminUnitCode.value(),
                AdminUnitRegistry.dayOf(at), address, at, at);
    }

    /**
     * Descriptive fields changed at {@code at}; a changed unit code is given that day. A venue not registered yet
     * (events replayed out of order) is created.
     */
    public void update(UUID venueId, String name, String category, AdminUnitCode adminUnitCode, String address,
                       Instant at) {
        String sql = "INSERT INTO venue (venue_id, name, category, admin_unit_code, admin_unit_given_on, address, status, "
                + "registered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (venue_id) DO UPDATE SET "
                + "name = EXCLUDED.name, category = EXCLUDED.category, admin_unit_code = EXCLUDED.admin_unit_code, "
                + UNIT_DAY + ", address = EXCLUDED.address, updated_at = EXCLUDED.updated_at";
        jdbc.update("write the venue directory", sql, venueId, name, category, adminUnitCode.value(),
                AdminUnitRegistry.dayOf(at), address, at, at);
    }

    public void close(UUID venueId, Instant at) {
        jdbc.update("write the venue directory", "UPDATE venue SET status = 'CLOSED', closed_at = ?, updated_at = ? "
                + "WHERE venue_id = ?", at, at, venueId);
    }

    public Optional<Venue> find(UUID venueId) {
        return Optional.ofNullable(findAll(java.util.List.of(venueId)).get(venueId));
    }

    public Map<UUID, Venue> findAll(Collection<UUID> venueIds) {
        Map<UUID, Venue> out = new HashMap<>();
        if (venueIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT venue_id, name, category, admin_unit_code, admin_unit_given_on, status, address FROM venue "
                + "WHERE venue_id = ANY (?::uuid[])";
        for (Venue v : jdbc.query("read the venue directory", sql, rs -> new Venue(Sql.uuid(rs, "venue_id"),
                rs.getString("name"), rs.getString("category"), AdminUnitCode.of(rs.getString("admin_unit_code")),
                rs.getObject("admin_unit_given_on", LocalDate.class), rs.getString("status"), rs.getString("address")),
                venueIds)) {
            out.put(v.venueId(), v);
        }
        return out;
    }
}
