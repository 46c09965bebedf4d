package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.deploy.testing.RealInfraTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Offsets are committed only after the database commit: while the database refuses the batch, the events are not
 * lost nor skipped; once it accepts again, they are applied exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracing"))
class ConsumerRecoveryTest {

    @Inject
    AgroalDataSource dataSource;

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long visitsOf(String pseudonym) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM visit WHERE pseudonym = ?")) {
            ps.setString(1, pseudonym);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static double failures() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("tracing_consumer_batch_failures_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aBatchTheDatabaseRefusesIsRetriedUntilItIsApplied() throws SQLException {
        String person = Events.randomPseudonym();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        double failuresBefore = failures();
        try {
            // The dedup table disappears: every batch fails inside the transaction and rolls back.
            sql("ALTER TABLE processed_event RENAME TO processed_event_unavailable");
            try (Events events = new Events()) {
                events.send(Events.checkIn(UUID.randomUUID(), UUID.randomUUID(), person, null, at,
                        at.plus(Duration.ofHours(1)), List.of()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
            assertEquals(0, visitsOf(person));
        } finally {
            sql("ALTER TABLE IF EXISTS processed_event_unavailable RENAME TO processed_event");
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> visitsOf(person) == 1);
    }
}
