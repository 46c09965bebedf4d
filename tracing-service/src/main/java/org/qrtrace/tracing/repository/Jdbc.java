package org.qrtrace.tracing.repository;

import org.jboss.logging.Logger;
import org.qrtrace.common.error.DatabaseErrors;
import org.qrtrace.tracing.domain.StoreUnavailable;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one way the repositories talk to PostgreSQL: a pooled connection per call (inside a transaction it is the
 * transaction's), parameters bound in order ({@link Instant} as a timestamp, {@link LocalDate} as a date, a collection
 * as a text array to cast in SQL), and {@link SQLException} caught in this class only, as a {@link DatabaseFailure}
 * that says what was being done. The SQL itself stays hand-written where it matters for speed (docs/architecture.md).
 */
@ApplicationScoped
public class Jdbc {

    /** Reads the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work on one connection, for the few steps that need several statements in a row. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** A failed database call; {@code doing} is what it was for, e.g. "read the audit log". */
    public static class DatabaseFailure extends RuntimeException {
        DatabaseFailure(String doing, SQLException cause) {
            super("cannot " + doing + ": " + cause.getMessage(), cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(Jdbc.class);

    private final AgroalDataSource dataSource;

    Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} on a connection; a database that cannot be reached is {@link StoreUnavailable} (503 with
     * Retry-After, as in every service: service-common's {@link DatabaseErrors}), any other failure a
     * {@link DatabaseFailure} (a defect: 500 with a correlation id). Expected conflicts are handled in the SQL itself
     * ({@code ON CONFLICT}).
     */
    public <T> T with(String doing, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            if (DatabaseErrors.unreachable(e)) {
                LOG.warnf("database unreachable, cannot %s: %s", doing, e.getMessage());
                throw new StoreUnavailable();
            }
            throw new DatabaseFailure(doing, e);
        }
    }

    /** Rows changed. */
    public int update(String doing, String sql, Object... parameters) {
        return with(doing, c -> update(c, sql, parameters));
    }

    public <T> List<T> query(String doing, String sql, Row<T> row, Object... parameters) {
        return with(doing, c -> query(c, sql, row, parameters));
    }

    public <T> Optional<T> first(String doing, String sql, Row<T> row, Object... parameters) {
        List<T> rows = query(doing, sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Takes a transaction-scoped advisory lock (released at commit or rollback): serialises writers of one kind. */
    static void lockForTransaction(Connection c, long key) throws SQLException {
        query(c, "SELECT pg_advisory_xact_lock(?)", rs -> null, key);
    }

    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, parameters)) {
            return ps.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(c, ps, i + 1, parameters[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setTimestamp(index, Sql.ts(instant));
        } else if (value instanceof LocalDate day) {
            ps.setDate(index, Date.valueOf(day));
        } else if (value instanceof Collection<?> values) {
            ps.setArray(index, Sql.textArray(c, values));
        } else {
            ps.setObject(index, value);
        }
    }
}
