package org.qrtrace.tracing.repository;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.error.Unavailable;
import org.qrtrace.tracing.domain.StoreUnavailable;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one translation of database failures in tracing-service (docs/architecture.md, "Errors"). */
class JdbcTest {

    /** A data source whose every connection attempt fails with {@code failure}. */
    private static Jdbc failingWith(SQLException failure) {
        AgroalDataSource dataSource = (AgroalDataSource) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(),
                new Class<?>[] {AgroalDataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Jdbc(dataSource);
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfter() {
        Jdbc jdbc = failingWith(new SQLException("Connection to 127.0.0.1:5433 refused", "08001"));
        StoreUnavailable e = assertThrows(StoreUnavailable.class, () -> jdbc.update("record the case", "SELECT 1"));
        assertTrue(e instanceof Unavailable);
        assertEquals(StoreUnavailable.RETRY_AFTER, e.retryAfter());
    }

    @Test
    void anyOtherFailureIsADefectNamingWhatWasBeingDone() {
        Jdbc jdbc = failingWith(new SQLException("relation \"nope\" does not exist", "42P01"));
        Jdbc.DatabaseFailure e = assertThrows(Jdbc.DatabaseFailure.class, () -> jdbc.update("read the audit log", "SELECT 1"));
        assertTrue(e.getMessage().startsWith("cannot read the audit log"), e.getMessage());
    }
}
