package org.qrtrace.common.error;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * The one reading of a database failure, shared by every service's repositories (docs/architecture.md, "Errors"): a
 * database that cannot be reached now becomes the service's {@link Unavailable} (503 with Retry-After, nothing
 * written); a unique violation the repository did not expect is a {@link Conflict}; anything else is a defect (500
 * with a correlation id). Repositories ask here instead of reading SQLStates themselves.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * True when the failure says the database cannot be reached now, not that the statement was wrong: a connection
     * exception (SQLState class 08), the server shutting down or starting (57P01-57P03), too many connections (53300),
     * or the pool waiting in vain for a connection (Agroal: an SQLException without SQLState caused by a timeout).
     */
    public static boolean unreachable(Throwable failure) {
        for (SQLException sql : sqlExceptions(failure)) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03") || state.equals("53300"))) {
                return true;
            }
            if (state == null && find(sql, TimeoutException.class) != null) {
                return true;
            }
        }
        return false;
    }

    /** True when a unique constraint refused the statement (SQLState 23505). */
    public static boolean uniqueViolation(Throwable failure) {
        for (SQLException sql : sqlExceptions(failure)) {
            if ("23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The SQLState of the driver's exception (of a batch: the statement that failed), or null. */
    public static String sqlState(Throwable failure) {
        for (SQLException sql : sqlExceptions(failure)) {
            if (sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The SQLExceptions of the cause chain, each followed by its next exceptions (PostgreSQL reports a batch so). */
    public static java.util.List<SQLException> sqlExceptions(Throwable failure) {
        java.util.List<SQLException> out = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql.getNextException(); s != null && out.size() < 50; s = s.getNextException()) {
                    out.add(s);
                }
                out.add(sql);
            }
        }
        return out;
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
