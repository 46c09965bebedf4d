package org.qrtrace.venue.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.qrtrace.venue.config.VenueLimitsConfig;
import org.qrtrace.venue.domain.ConcurrentChange;
import org.qrtrace.venue.domain.RegistryUnavailable;
import org.qrtrace.venue.domain.VenueAlreadyRegistered;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one translation of database failures, used by every repository method: what Hibernate or the driver throws never
 * leaves {@code repository/}. A database that cannot be reached is {@link RegistryUnavailable} (503 with Retry-After), a
 * unique violation a {@code Conflict} ({@link VenueAlreadyRegistered} for the venue identity index, the duplicate rule,
 * else {@link ConcurrentChange}). Anything else is a defect (a statement the schema refuses), reported as an
 * {@link IllegalStateException} and so as an internal error with a correlation id.
 * <p>
 * Hibernate writes at flush time, so every repository method that writes flushes inside {@link #call}: a refused
 * write surfaces here, in the method that caused it, not at commit.
 */
@ApplicationScoped
public class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

    /** The partial unique index on open venues' (admin unit, name key, address key): V1 migration. */
    static final String VENUE_IDENTITY_INDEX = "venue_identity_uq";

    private final Duration retryAfter;

    @Inject
    DatabaseFailures(VenueLimitsConfig limits) {
        this(limits.unavailableRetryAfter());
    }

    DatabaseFailures(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /** Runs {@code work} ("what it does", e.g. "register venues"), translating a database failure. */
    <T> T call(String doing, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw translate(doing, e);
        }
    }

    void run(String doing, Runnable work) {
        call(doing, () -> {
            work.run();
            return null;
        });
    }

    RuntimeException translate(String doing, PersistenceException e) {
        SQLException sql = sqlCause(e);
        String state = sql == null ? null : sql.getSQLState();
        if (find(e, JDBCConnectionException.class) != null || unreachable(state) || acquisitionTimedOut(sql)) {
            // The driver's message here says what failed to connect (host, port), never a row's data.
            LOG.warnf("database unreachable, cannot %s: %s", doing, sql == null ? e.getMessage() : sql.getMessage());
            return new RegistryUnavailable(retryAfter);
        }
        if ("23505".equals(state)) {
            return violates(e, sql, VENUE_IDENTITY_INDEX) ? new VenueAlreadyRegistered() : new ConcurrentChange();
        }
        return new IllegalStateException("cannot " + doing + ": database failure"
                + (state == null ? "" : " (SQLState " + state + ")"), e);
    }

    /**
     * Connection exceptions (class 08), the server shutting down or starting (57P01-57P03), too many connections
     * (53300).
     */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    /** The pool waited in vain for a connection (Agroal: an SQLException without SQLState caused by a timeout). */
    private static boolean acquisitionTimedOut(SQLException sql) {
        return sql != null && sql.getSQLState() == null && find(sql, TimeoutException.class) != null;
    }

    private static boolean violates(PersistenceException e, SQLException sql, String constraint) {
        ConstraintViolationException violation = find(e, ConstraintViolationException.class);
        if (violation != null && violation.getConstraintName() != null) {
            return violation.getConstraintName().toLowerCase(Locale.ROOT).endsWith(constraint);
        }
        for (SQLException s = sql; s != null; s = s.getNextException()) {
            if (s.getMessage() != null && s.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The driver's exception: the first in the cause chain; of a batch, the statement that failed (PostgreSQL's
     * driver reports it as the batch exception's next exception).
     */
    private static SQLException sqlCause(Throwable e) {
        SQLException sql = find(e, SQLException.class);
        if (sql != null && sql.getNextException() != null && sql.getNextException().getSQLState() != null) {
            return sql.getNextException();
        }
        return sql;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
