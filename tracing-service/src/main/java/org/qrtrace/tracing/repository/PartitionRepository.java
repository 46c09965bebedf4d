package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** DDL of the day partitions of {@code visit} (UTC days) and the deletion report of dropped ones. */
@ApplicationScoped
public class PartitionRepository {

    public static final String PREFIX = "visit_p";
    private static final DateTimeFormatter NAME_DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Serialises partition maintenance across instances of the service. */
    private static final long LOCK_KEY = 0x7472616365L;

    private final Jdbc jdbc;

    PartitionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

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
        jdbc.with("lock partition maintenance", c -> {
            Jdbc.lockForTransaction(c, LOCK_KEY);
            return null;
        });
    }

    /** The day partitions that exist, oldest first. */
    public List<LocalDate> days() {
        String sql = "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'visit' ORDER BY c.relname";
        return jdbc.query("list partitions", sql, rs -> dayOf(rs.getString(1))).stream()
                .flatMap(Optional::stream).toList();
    }

    /**
     * Creates the day's partition, first moving the day's rows out of the default partition (PostgreSQL refuses to
     * create a partition whose rows sit in the default one).
     */
    public void create(LocalDate day) {
        String from = literal(day);
        String to = literal(day.plusDays(1));
        jdbc.with("create the partition for " + day, c -> {
            Jdbc.update(c, "CREATE TEMP TABLE visit_moving ON COMMIT DROP AS WITH moved AS (DELETE FROM visit_default "
                    + "WHERE checked_in_at >= " + from + " AND checked_in_at < " + to + " RETURNING *) SELECT * FROM moved");
            Jdbc.update(c, "CREATE TABLE " + nameOf(day) + " PARTITION OF visit FOR VALUES FROM (" + from + ") TO (" + to + ")");
            Jdbc.update(c, "INSERT INTO visit SELECT * FROM visit_moving");
            return Jdbc.update(c, "DROP TABLE visit_moving");
        });
    }

    /** Drops a day partition and records it; returns the number of visits deleted. */
    public long drop(LocalDate day, String retention) {
        String name = nameOf(day);
        return jdbc.with("drop partition " + name, c -> {
            long rows = Jdbc.query(c, "SELECT count(*) FROM " + name, rs -> rs.getLong(1)).get(0);
            Jdbc.update(c, "DROP TABLE " + name);
            record(c, name, day.atStartOfDay().toInstant(ZoneOffset.UTC), day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    rows, retention);
            return rows;
        });
    }

    /** Deletes visits older than the boundary that sit in the default partition; recorded like a dropped partition. */
    public long purgeDefault(Instant boundary, String retention) {
        return jdbc.with("purge the default partition", c -> {
            Purged purged = Jdbc.query(c, "WITH d AS (DELETE FROM visit_default WHERE checked_in_at < ? "
                    + "RETURNING checked_in_at) SELECT count(*), min(checked_in_at) FROM d",
                    rs -> new Purged(rs.getLong(1), Sql.instant(rs, "min")), boundary).get(0);
            if (purged.rows() > 0) {
                record(c, "visit_default", purged.oldest(), boundary, purged.rows(), retention);
            }
            return purged.rows();
        });
    }

    private record Purged(long rows, Instant oldest) {
    }

    /** Bookkeeping older than the boundary: processed event ids and check-outs whose check-in never came. */
    public void purgeBookkeeping(Instant boundary) {
        jdbc.with("purge bookkeeping", c -> {
            Jdbc.update(c, "DELETE FROM processed_event WHERE processed_at < ?", boundary);
            return Jdbc.update(c, "DELETE FROM pending_checkout WHERE checked_out_at < ?", boundary);
        });
    }

    public long rowsInDefault() {
        return jdbc.query("count the default partition", "SELECT count(*) FROM visit_default", rs -> rs.getLong(1)).get(0);
    }

    public List<Deletion> deletions(int limit) {
        return jdbc.query("read the deletion report", "SELECT id, partition_name, range_from, range_to, rows_deleted, "
                        + "retention, deleted_at FROM retention_deletion ORDER BY id DESC LIMIT ?",
                rs -> new Deletion(rs.getLong("id"), rs.getString("partition_name"), Sql.instant(rs, "range_from"),
                        Sql.instant(rs, "range_to"), rs.getLong("rows_deleted"), rs.getString("retention"),
                        Sql.instant(rs, "deleted_at")), limit);
    }

    private static void record(Connection c, String name, Instant from, Instant to, long rows, String retention)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO retention_deletion (partition_name, range_from, range_to, rows_deleted, retention) "
                + "VALUES (?, ?, ?, ?, ?)", name, from, to, rows, retention);
    }

    private static String literal(LocalDate day) {
        return "'" + day + " 00:00:00+00'";
    }
}
