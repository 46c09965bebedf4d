package org.qrtrace.venue.repository;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.error.Conflict;
import org.qrtrace.common.error.Unavailable;
import org.qrtrace.venue.domain.ConcurrentChange;
import org.qrtrace.venue.domain.RegistryUnavailable;
import org.qrtrace.venue.domain.VenueAlreadyRegistered;
import org.qrtrace.venue.domain.VenueNotFound;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What leaves a repository when the database fails: domain exceptions, or an internal error for a defect. */
class DatabaseFailuresTest {

    private final DatabaseFailures failures = new DatabaseFailures(Duration.ofSeconds(7));

    private RuntimeException thrownBy(PersistenceException e) {
        return assertThrows(RuntimeException.class, () -> failures.run("test", () -> {
            throw e;
        }));
    }

    @Test
    void anUnreachableDatabaseIsUnavailableWithRetryAfter() {
        RuntimeException refused = thrownBy(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5433 refused", "08001")));
        assertInstanceOf(RegistryUnavailable.class, refused);
        assertEquals(Duration.ofSeconds(7), ((Unavailable) refused).retryAfter());

        assertInstanceOf(RegistryUnavailable.class, thrownBy(new GenericJDBCException("x",
                new SQLException("terminating connection due to administrator command", "57P01"))));
        // Agroal's pool waited in vain for a connection: no SQLState, a timeout as the cause.
        assertInstanceOf(RegistryUnavailable.class, thrownBy(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))));
    }

    @Test
    void theVenueIdentityIndexIsAlreadyRegisteredOtherUniqueViolationsAConflict() {
        assertInstanceOf(VenueAlreadyRegistered.class, thrownBy(new ConstraintViolationException("x",
                new SQLException("duplicate key value violates unique constraint \"venue_identity_uq\"", "23505"),
                "venue_identity_uq")));
        RuntimeException other = thrownBy(new ConstraintViolationException("x",
                new SQLException("duplicate key value violates unique constraint \"entrance_position_uq\"", "23505"),
                "entrance_position_uq"));
        assertInstanceOf(ConcurrentChange.class, other);
        assertInstanceOf(Conflict.class, other);

        // A batch reports the failed statement as its next exception.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO venue ... was aborted", "23505",
                new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"venue_identity_uq\"", "23505"));
        assertInstanceOf(VenueAlreadyRegistered.class, thrownBy(new GenericJDBCException("x", batch)));
    }

    @Test
    void anythingElseIsADefectNamingWhatWasBeingDone() {
        RuntimeException check = thrownBy(new ConstraintViolationException("x",
                new SQLException("new row violates check constraint \"venue_capacity_positive\"", "23514"),
                "venue_capacity_positive"));
        assertInstanceOf(IllegalStateException.class, check);
        assertTrue(check.getMessage().contains("cannot test") && check.getMessage().contains("23514"), check.getMessage());
        assertInstanceOf(IllegalStateException.class, thrownBy(new PersistenceException("no SQL involved")));
    }

    @Test
    void failuresThatAreNotTheDatabasesPassUnchanged() {
        VenueNotFound notFound = new VenueNotFound(UUID.randomUUID());
        assertSame(notFound, assertThrows(VenueNotFound.class, () -> failures.run("test", () -> {
            throw notFound;
        })));
        assertEquals(42, failures.call("test", () -> 42));
    }
}
