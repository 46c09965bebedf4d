package org.qrtrace.common;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.error.DatabaseErrors;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseErrorsTest {

    @Test
    void aDatabaseThatCannotBeReachedIsToldFromAStatementThatIsWrong() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300"}) {
            assertTrue(DatabaseErrors.unreachable(new RuntimeException("wrapped", new SQLException("x", state))), state);
        }
        SQLException poolTimeout = new SQLException("Acquisition timeout while waiting for new connection",
                null, new TimeoutException());
        assertTrue(DatabaseErrors.unreachable(poolTimeout), "the pool waited in vain");
        for (String state : new String[] {"23505", "42P01", "22001"}) {
            assertFalse(DatabaseErrors.unreachable(new SQLException("x", state)), state);
        }
        assertFalse(DatabaseErrors.unreachable(new IllegalStateException("no SQL at all")));
        assertFalse(DatabaseErrors.unreachable(new SQLException("no state, no timeout")));
    }

    @Test
    void aUniqueViolationIsFoundInsideABatchToo() {
        assertTrue(DatabaseErrors.uniqueViolation(new SQLException("dup", "23505")));
        BatchUpdateException batch = new BatchUpdateException("batch entry 3 failed", "", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertTrue(DatabaseErrors.uniqueViolation(new RuntimeException(batch)));
        assertEquals("23505", DatabaseErrors.sqlState(new RuntimeException(batch)));
        assertFalse(DatabaseErrors.uniqueViolation(new SQLException("fk", "23503")));
        assertNull(DatabaseErrors.sqlState(new IllegalStateException()));
    }
}
