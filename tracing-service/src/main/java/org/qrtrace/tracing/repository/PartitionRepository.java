package org.qrtrace.tracing.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DDL of the day partitions of {@code visit} (UTC days) and the deletion report of dropped ones. */
@ApplicationScoped
public class PartitionRepository {

    public static final String PREFIX = "visit_p";
    private static final DateTimeFormatter NAME_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Serialises partition maintenance across instances of the service. */
    private static final long LOCK_KEY = 0x7472616365L;

    @Inject
    AgroalDataSource dataSource;

    /** A row of the deletion report. */
    public record Deletion(long id, String partition, Instant rangeFrom, Instant rangeTo, long rowsDeleted,
                           String retention, Instant deletedAt) {
    }

    public static String nameOf(LocalDate day) {
        return PREFIX + NAME_DAY.format(day);
    }

    public static Optional<LocalDate> dayOf(String partition) {
        if (!partition.matches(PREFIX + "\\d{8}")) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.parse(partition.substring(PREFIX.length()), NAME_DAY));
    }

    public void lock() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock partition maintenance", e);
        }
    }

    /** The day partitions that exist, oldest first. */
    public List<LocalDate> days() {
        String sql = "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'visit' ORDER BY c.relname";
        List<LocalDate> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                dayOf(rs.getString(1)).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list partitions", e);
        }
    }

    /**
     * Creates the day's partition, first moving the day's rows out of the default partition (PostgreSQL refuses to
     * create a partition whose rows sit in the default one).
     */
    public void create(LocalDate day) {
        String from = literal(day);
        String to = literal(day.plusDays(1));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE visit_moving ON COMMIT DROP AS WITH moved AS (DELETE FROM visit_default "
                    + "WHERE checked_in_at >= " + from + " AND checked_in_at < " + to + " RETURNING *) SELECT * FROM moved");
            s.execute("CREATE TABLE " + nameOf(day) + " PARTITION OF visit FOR VALUES FROM (" + from + ") TO (" + to + ")");
            s.execute("INSERT INTO visit SELECT * FROM visit_moving");
            s.execute("DROP TABLE visit_moving");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create partition for " + day, e);
        }
    }

    /** Drops a day partition and records it; returns the number of visits deleted. */
    public long drop(LocalDate day, String retention) {
        String name = nameOf(day);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long rows;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + name)) {
                rs.next();
                rows = rs.getLong(1);
            }
            s.execute("DROP TABLE " + name);
            record(c, name, day.atStartOfDay().toInstant(ZoneOffset.UTC), day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    rows, retention);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop partition " + name, e);
        }
    }

    /** Deletes visits older than the boundary that sit in the default partition; recorded like a dropped partition. */
    public long purgeDefault(Instant boundary, String retention) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("WITH d AS (DELETE FROM visit_default WHERE checked_in_at < ? "
                     + "RETURNING checked_in_at) SELECT count(*), min(checked_in_at) FROM d")) {
            ps.setTimestamp(1, Sql.ts(boundary));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                if (rows > 0) {
                    record(c, "visit_default", Sql.instant(rs, "min"), boundary, rows, retention);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge the default partition", e);
        }
    }

    /** Bookkeeping older than the boundary: processed event ids and check-outs whose check-in never came. */
    public void purgeBookkeeping(Instant boundary) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement events = c.prepareStatement("DELETE FROM processed_event WHERE processed_at < ?");
             PreparedStatement checkouts = c.prepareStatement("DELETE FROM pending_checkout WHERE checked_out_at < ?")) {
            events.setTimestamp(1, Sql.ts(boundary));
            events.executeUpdate();
            checkouts.setTimestamp(1, Sql.ts(boundary));
            checkouts.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge bookkeeping", e);
        }
    }

    public long rowsInDefault() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM visit_default")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the default partition", e);
        }
    }

    public List<Deletion> deletions(int limit) {
        String sql = "SELECT id, partition_name, range_from, range_to, rows_deleted, retention, deleted_at "
                + "FROM retention_deletion ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<Deletion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Deletion(rs.getLong("id"), rs.getString("partition_name"), Sql.instant(rs, "range_from"),
                            Sql.instant(rs, "range_to"), rs.getLong("rows_deleted"), rs.getString("retention"),
                            Sql.instant(rs, "deleted_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read deletion report", e);
        }
    }

    private static void record(Connection c, String name, Instant from, Instant to, long rows, String retention)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO retention_deletion (partition_name, range_from, "
                + "range_to, rows_deleted, retention) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setTimestamp(2, Sql.ts(from));
            ps.setTimestamp(3, Sql.ts(to));
            ps.setLong(4, rows);
            ps.setString(5, retention);
            ps.executeUpdate();
        }
    }

    private static String literal(LocalDate day) {
        return "'" + day + " 00:00:00+00'";
    }
}
