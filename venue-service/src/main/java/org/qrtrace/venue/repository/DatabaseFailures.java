package org.qrtrace.venue.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.qrtrace.common.error.DatabaseErrors;
import org.qrtrace.venue.config.VenueLimitsConfig;
import org.qrtrace.venue.domain.ConcurrentChange;
import org.qrtrace.venue.domain.RegistryUnavailable;
import org.qrtrace.venue.domain.VenueAlreadyRegistered;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
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
        String state = DatabaseErrors.sqlState(e);
        if (find(e, JDBCConnectionException.class) != null || DatabaseErrors.unreachable(e)) {
            // The driver's message here says what failed to connect (host, port), never a row's data.
            LOG.warnf("database unreachable, cannot %s: %s", doing, sql == null ? e.getMessage() : sql.getMessage());
            return new RegistryUnavailable(retryAfter);
        }
        if (DatabaseErrors.uniqueViolation(e)) {
            return violates(e, sql, VENUE_IDENTITY_INDEX) ? new VenueAlreadyRegistered() : new ConcurrentChange();
        }
        return new IllegalStateException("cannot " + doing + ": database failure"
                + (state == null ? "" : " (SQLState " + state + ")"), e);
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
