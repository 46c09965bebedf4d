package org.qrtrace.venue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.QrKeyRotated;
import org.qrtrace.events.QrTokenRevoked;
import org.qrtrace.events.Topics;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.kafka.EventDeserializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qrtrace.venue.VenueTestSupport.create;
import static org.qrtrace.venue.VenueTestSupport.post;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;

/** Venue events on the real broker, through the outbox: once per event id, in order, and after an outage. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class VenueEventsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyChangeArrivesOncePerEventIdKeyedByVenue() {
        String org = uniqueOrg();
        String token = TestTokens.venueManagerOfOrganisation(org);
        String id = create(org, "Trường THCS " + UUID.randomUUID(), "SCHOOL", "288", "8 Hoàng Văn Thụ", "Cổng 1");
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"name\":\"Trường THCS Chu Văn An\",\"category\":\"SCHOOL\",\"adminUnitCode\":\"288\",\"address\":\"8 Hoàng Văn Thụ\"}")
                .when().put("/api/v1/venues/" + id).then().statusCode(200);
        post(token, "/api/v1/venues/" + id + "/entrances", "{\"name\":\"Cổng 2\"}").statusCode(201);
        given().auth().oauth2(token).when().post("/api/v1/venues/" + id + "/qr/rotate").then().statusCode(200);
        post(token, "/api/v1/venues/" + id + "/close", "{\"reason\":\"merged\"}").statusCode(200);

        List<ConsumerRecord<String, EventEnvelope>> records = readVenue(UUID.fromString(id), 6, Duration.ofSeconds(30));
        List<String> types = records.stream().map(r -> r.value().type()).toList();
        assertEquals(List.of("VenueRegistered", "VenueUpdated", "EntranceAdded", "QrKeyRotated", "QrTokenRevoked",
                "VenueClosed"), types);
        Set<UUID> ids = new HashSet<>();
        for (var r : records) {
            assertEquals(id, r.key());
            assertTrue(ids.add(r.value().eventId()), "event " + r.value().eventId() + " arrived twice");
            assertEquals("venue-service", r.value().producer());
        }
        VenueRegistered registered = (VenueRegistered) records.get(0).value().payload();
        assertEquals(org, registered.organisation());
        assertEquals(1, registered.tokenVersion());
        assertEquals("Cổng 1", registered.entrances().get(0).name());
        QrKeyRotated rotated = (QrKeyRotated) records.get(3).value().payload();
        assertEquals(2, rotated.tokenVersion());
        assertTrue(rotated.previousValidUntil().isAfter(Instant.now().plus(Duration.ofHours(23))));
        QrTokenRevoked revoked = (QrTokenRevoked) records.get(4).value().payload();
        assertEquals(2, revoked.tokenVersion());
        assertEquals(null, revoked.entranceId());
        assertEquals("merged", ((VenueClosed) records.get(5).value().payload()).reason());
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAreDeliveredAfterItReturns() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        org.junit.jupiter.api.Assumptions.assumeTrue(infra.canStopKafka(), "broker cannot be stopped in this mode");
        String org = uniqueOrg();
        String id;
        infra.stopKafka();
        try {
            // The change succeeds: it only needs PostgreSQL; the event waits in the outbox.
            id = create(org, "Chợ " + UUID.randomUUID(), "MARKET", "290", "1 Chợ Mới");
            // Only a relay that has tried while the broker was away shows that the event outlives a failed send.
            String venueId = id;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> failedAndKept(venueId) > 0);
        } finally {
            infra.startKafka();
        }
        List<ConsumerRecord<String, EventEnvelope>> records = readVenue(UUID.fromString(id), 1, Duration.ofSeconds(60));
        assertEquals("VenueRegistered", records.get(0).value().type());
        assertEquals(1, records.size());
    }

    /** The venue's events the relay has tried to send and still holds. */
    private long failedAndKept(String venueId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE record_key = ? AND attempts > 0 AND sent_at IS NULL")) {
            s.setString(1, venueId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Reads the topic from the start until {@code expected} events of the venue arrived, then a little longer. */
    static List<ConsumerRecord<String, EventEnvelope>> readVenue(UUID venueId, int expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "venue-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, EventEnvelope>> out = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.VENUE_EVENTS));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, EventEnvelope> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.key().equals(venueId.toString())) {
                        out.add(r);
                    }
                }
                if (out.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    // Keep reading briefly: a duplicate would show up here.
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        if (out.size() < expected) {
            throw new AssertionError("expected " + expected + " events of venue " + venueId + ", got " + out.size());
        }
        return out;
    }
}
