package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.events.Topics;
import org.qrtrace.testing.RealInfraTestResource;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offsets are committed only after the database commit: while the database refuses the batch, the events are not
 * lost nor skipped; once it accepts again, they are applied exactly once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class ConsumerRecoveryTest {

    @Inject
    AgroalDataSource dataSource;

    private void sql(String sql) throws SQLException {
        Db.execute(dataSource, sql);
    }

    private long visitsOf(String pseudonym) throws SQLException {
        return Db.number(dataSource, "SELECT count(*) FROM visit WHERE pseudonym = ?", pseudonym);
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAndTheOthersAreApplied() throws SQLException {
        UUID venue = UUID.randomUUID();
        UUID badCheckin = UUID.randomUUID();
        String good = Events.randomPseudonym();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        try (Events events = new Events()) {
            // Valid JSON and a valid event, but PostgreSQL text cannot hold a NUL character (SQLState 22021).
            events.send(Events.checkIn(badCheckin, venue, "bad\u0000pseudonym", null, at, at.plus(Duration.ofHours(1)), List.of()),
                    Events.checkIn(UUID.randomUUID(), venue, good, null, at, at.plus(Duration.ofHours(1)), List.of()));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> visitsOf(good) == 1);
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlq.assign(List.of(new TopicPartition(Topics.TRACING_DEAD_LETTER, 0)));
            dlq.seekToBeginning(dlq.assignment());
            String[] reason = new String[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : dlq.poll(Duration.ofMillis(500))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(badCheckin.toString())) {
                        reason[0] = new String(r.headers().lastHeader("qrtrace.dlq.reason").value(), StandardCharsets.UTF_8);
                    }
                }
                return reason[0] != null;
            });
            assertTrue(reason[0].startsWith("refused by the database: SQLState 22"), reason[0]);
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
