package org.qrtrace.venue.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.IdentityKey;
import org.qrtrace.venue.domain.Venue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Venues and entrances in PostgreSQL, in plain SQL. Callers run inside a JTA transaction; the pooled connection is
 * enlisted in it, so a venue row and its outbox event commit together.
 */
@ApplicationScoped
public class VenueRepository {

    private static final String VENUE_COLUMNS = "id, name, category, admin_unit_code, address, contact_phone, capacity, "
            + "organisation, token_version, token_issued_at, created_at, updated_at, closed_at, close_reason";

    @Inject
    AgroalDataSource dataSource;

    /** A page of venues and the total matching the filter. */
    public record Page(List<Venue> items, long total) {
    }

    public void insert(List<Venue> venues) {
        String venueSql = "INSERT INTO venue (" + VENUE_COLUMNS + ", name_key, address_key, search_text) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String entranceSql = "INSERT INTO entrance (id, venue_id, name, position, token_version, token_issued_at, created_at) "
                + "VALUES (?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement v = c.prepareStatement(venueSql);
             PreparedStatement e = c.prepareStatement(entranceSql)) {
            int entrances = 0;
            for (Venue venue : venues) {
                IdentityKey key = IdentityKey.of(venue.adminUnitCode(), venue.name(), venue.address());
                v.setObject(1, venue.id());
                v.setString(2, venue.name());
                v.setString(3, venue.category().name());
                v.setString(4, venue.adminUnitCode());
                v.setString(5, venue.address());
                v.setString(6, venue.contactPhone());
                setInteger(v, 7, venue.capacity());
                v.setString(8, venue.organisation());
                v.setInt(9, venue.tokenVersion());
                v.setTimestamp(10, Timestamp.from(venue.tokenIssuedAt()));
                v.setTimestamp(11, Timestamp.from(venue.createdAt()));
                v.setTimestamp(12, Timestamp.from(venue.updatedAt()));
                v.setTimestamp(13, null);
                v.setString(14, null);
                v.setString(15, key.nameKey());
                v.setString(16, key.addressKey());
                v.setString(17, IdentityKey.searchable(venue.name()));
                v.addBatch();
                for (Entrance entrance : venue.entrances()) {
                    bindEntrance(e, entrance, venue.createdAt());
                    e.addBatch();
                    entrances++;
                }
            }
            v.executeBatch();
            if (entrances > 0) {
                e.executeBatch();
            }
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    public void insertEntrance(Entrance entrance, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement e = c.prepareStatement("INSERT INTO entrance (id, venue_id, name, position, token_version, "
                     + "token_issued_at, created_at) VALUES (?,?,?,?,?,?,?)")) {
            bindEntrance(e, entrance, now);
            e.executeUpdate();
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    private static void bindEntrance(PreparedStatement e, Entrance entrance, Instant now) throws SQLException {
        e.setObject(1, entrance.id());
        e.setObject(2, entrance.venueId());
        e.setString(3, entrance.name());
        e.setInt(4, entrance.position());
        e.setInt(5, entrance.tokenVersion());
        e.setTimestamp(6, Timestamp.from(entrance.tokenIssuedAt()));
        e.setTimestamp(7, Timestamp.from(now));
    }

    /** The venue with its entrances; {@code forUpdate} locks the venue row until the transaction ends. */
    public Optional<Venue> find(UUID id, boolean forUpdate) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + VENUE_COLUMNS + " FROM venue WHERE id = ?"
                     + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Venue venue = venue(rs);
                return Optional.of(venue.withEntrances(entrances(c, List.of(id)).getOrDefault(id, List.of())));
            }
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    /** The id of an open venue with this identity, other than {@code except}. */
    public Optional<UUID> findOpenDuplicate(IdentityKey key, UUID except) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM venue WHERE admin_unit_code = ? AND name_key = ? "
                     + "AND address_key = ? AND closed_at IS NULL AND id <> ?")) {
            s.setString(1, key.adminUnitCode());
            s.setString(2, key.nameKey());
            s.setString(3, key.addressKey());
            s.setObject(4, except == null ? new UUID(0, 0) : except);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    /** Identities of open venues in the given admin units: what an import checks its rows against, in one query. */
    public Set<IdentityKey> openIdentitiesIn(Collection<String> adminUnitCodes) {
        Set<IdentityKey> out = new HashSet<>();
        if (adminUnitCodes.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT admin_unit_code, name_key, address_key FROM venue "
                     + "WHERE closed_at IS NULL AND admin_unit_code = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", adminUnitCodes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new IdentityKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    public void update(Venue venue) {
        IdentityKey key = IdentityKey.of(venue.adminUnitCode(), venue.name(), venue.address());
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE venue SET name = ?, category = ?, admin_unit_code = ?, "
                     + "address = ?, contact_phone = ?, capacity = ?, name_key = ?, address_key = ?, search_text = ?, "
                     + "updated_at = ? WHERE id = ?")) {
            s.setString(1, venue.name());
            s.setString(2, venue.category().name());
            s.setString(3, venue.adminUnitCode());
            s.setString(4, venue.address());
            s.setString(5, venue.contactPhone());
            setInteger(s, 6, venue.capacity());
            s.setString(7, key.nameKey());
            s.setString(8, key.addressKey());
            s.setString(9, IdentityKey.searchable(venue.name()));
            s.setTimestamp(10, Timestamp.from(venue.updatedAt()));
            s.setObject(11, venue.id());
            s.executeUpdate();
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    public void close(UUID id, Instant closedAt, String reason) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE venue SET closed_at = ?, close_reason = ?, updated_at = ? "
                     + "WHERE id = ? AND closed_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(closedAt));
            s.setString(2, reason);
            s.setTimestamp(3, Timestamp.from(closedAt));
            s.setObject(4, id);
            s.executeUpdate();
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    /** Issues a new version of the venue-level token; returns it. */
    public int bumpVenueToken(UUID venueId, Instant issuedAt) {
        return bump("UPDATE venue SET token_version = token_version + 1, token_issued_at = ?, updated_at = ? WHERE id = ? "
                + "RETURNING token_version", venueId, issuedAt, true);
    }

    /** Issues a new version of an entrance's token; returns it. */
    public int bumpEntranceToken(UUID entranceId, Instant issuedAt) {
        return bump("UPDATE entrance SET token_version = token_version + 1, token_issued_at = ? WHERE id = ? "
                + "RETURNING token_version", entranceId, issuedAt, false);
    }

    private int bump(String sql, UUID id, Instant issuedAt, boolean touchesUpdatedAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setTimestamp(i++, Timestamp.from(issuedAt));
            if (touchesUpdatedAt) {
                s.setTimestamp(i++, Timestamp.from(issuedAt));
            }
            s.setObject(i, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row " + id);
                }
                return rs.getInt(1);
            }
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    /** Venues matching the filter, ordered by name then id, with the total count. */
    public Page search(VenueFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (!filter.includeClosed()) {
            where.append(" AND closed_at IS NULL");
        }
        if (filter.adminUnitCodes() != null) {
            where.append(" AND admin_unit_code = ANY (?)");
            params.add(filter.adminUnitCodes().toArray(new String[0]));
        }
        if (filter.category() != null) {
            where.append(" AND category = ?");
            params.add(filter.category().name());
        }
        if (filter.nameSearch() != null && !filter.nameSearch().isEmpty()) {
            where.append(" AND search_text LIKE ? ESCAPE '\\'");
            params.add("%" + filter.nameSearch().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.restrictToOwner()) {
            where.append(" AND (id = ANY (?)");
            params.add(filter.ownedIds().toArray(new UUID[0]));
            if (filter.ownerOrganisation() != null) {
                where.append(" OR organisation = ?");
                params.add(filter.ownerOrganisation());
            }
            where.append(')');
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM venue" + where)) {
                bind(c, s, params);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Venue> venues = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + VENUE_COLUMNS + " FROM venue" + where
                    + " ORDER BY name_key, id OFFSET ? LIMIT ?")) {
                List<Object> all = new ArrayList<>(params);
                all.add(offset);
                all.add(limit);
                bind(c, s, all);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        venues.add(venue(rs));
                    }
                }
            }
            Map<UUID, List<Entrance>> entrances = entrances(c, venues.stream().map(Venue::id).toList());
            return new Page(venues.stream().map(v -> v.withEntrances(entrances.getOrDefault(v.id(), List.of()))).toList(),
                    total);
        } catch (SQLException ex) {
            throw translate(ex);
        }
    }

    private static void bind(Connection c, PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] texts) {
                s.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (p instanceof UUID[] ids) {
                s.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private static Map<UUID, List<Entrance>> entrances(Connection c, List<UUID> venueIds) throws SQLException {
        Map<UUID, List<Entrance>> out = new LinkedHashMap<>();
        if (venueIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id, venue_id, name, position, token_version, token_issued_at "
                + "FROM entrance WHERE venue_id = ANY (?) ORDER BY venue_id, position")) {
            s.setArray(1, c.createArrayOf("uuid", venueIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Entrance e = new Entrance(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant());
                    out.computeIfAbsent(e.venueId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
        return out;
    }

    private static Venue venue(ResultSet rs) throws SQLException {
        int capacity = rs.getInt(7);
        Integer cap = rs.wasNull() ? null : capacity;
        Timestamp closed = rs.getTimestamp(13);
        return new Venue(rs.getObject(1, UUID.class), rs.getString(2), Category.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), cap, rs.getString(8), rs.getInt(9), rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(),
                closed == null ? null : closed.toInstant(), rs.getString(14), List.of());
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    static RuntimeException translate(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        if ("23505".equals(cause.getSQLState())) {
            return new DuplicateVenueException();
        }
        return new DataAccessException(cause);
    }
}
