package org.qrtrace.tracing.repository;

import org.qrtrace.common.adminunit.AdminUnitCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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

    /** A venue as the directory knows it ({@code address} null when the events carried none). */
    /** A venue as the directory knows it; {@code registeredAt} is the day its unit code is read on. */
    public record Venue(UUID venueId, String name, String category, AdminUnitCode adminUnitCode, String status,
                        String address, Instant registeredAt) {
    }

    public void register(UUID venueId, String name, String category, AdminUnitCode adminUnitCode, String address,
                         Instant at) {
        String sql = "INSERT INTO venue (venue_id, name, category, admin_unit_code, address, status, registered_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (venue_id) DO UPDATE SET "
                + "name = EXCLUDED.name, category = EXCLUDED.category, admin_unit_code = EXCLUDED.admin_unit_code, "
                + "address = EXCLUDED.address, registered_at = LEAST(venue.registered_at, EXCLUDED.registered_at), "
                + "updated_at = EXCLUDED.updated_at";
        jdbc.update("write the venue directory", sql, venueId, name, category, adminUnitCode.value(), address, at, at);
    }

    /** Descriptive fields changed; a venue not registered yet (events replayed out of order) is created. */
    public void update(UUID venueId, String name, String category, AdminUnitCode adminUnitCode, String address,
                       Instant at) {
        String sql = "INSERT INTO venue (venue_id, name, category, admin_unit_code, address, status, registered_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (venue_id) DO UPDATE SET "
                + "name = EXCLUDED.name, category = EXCLUDED.category, admin_unit_code = EXCLUDED.admin_unit_code, "
                + "address = EXCLUDED.address, updated_at = EXCLUDED.updated_at";
        jdbc.update("write the venue directory", sql, venueId, name, category, adminUnitCode.value(), address, at, at);
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
        String sql = "SELECT venue_id, name, category, admin_unit_code, status, address, registered_at FROM venue "
                + "WHERE venue_id = ANY (?::uuid[])";
        for (Venue v : jdbc.query("read the venue directory", sql, rs -> new Venue(Sql.uuid(rs, "venue_id"),
                rs.getString("name"), rs.getString("category"), AdminUnitCode.of(rs.getString("admin_unit_code")),
                rs.getString("status"), rs.getString("address"), Sql.instant(rs, "registered_at")),
                venueIds)) {
            out.put(v.venueId(), v);
        }
        return out;
    }
}
