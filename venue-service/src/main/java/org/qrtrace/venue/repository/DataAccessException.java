package org.qrtrace.venue.repository;

import java.sql.SQLException;

/** A database failure the caller cannot fix (reported as an internal error with a correlation id). */
public class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super("database error (SQLState " + cause.getSQLState() + ")", cause);
    }
}
