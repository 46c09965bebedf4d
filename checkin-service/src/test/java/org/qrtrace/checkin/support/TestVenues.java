package org.qrtrace.checkin.support;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.EventPayload;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.kafka.EventSerializer;
import org.qrtrace.events.qr.QrToken;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Venues for tests: venue events produced to the real broker, and QR tokens signed with the test keys. */
public final class TestVenues {

    private TestVenues() {
    }

    /** A registered venue with one entrance, once the service under test knows it. */
    public record Venue(UUID id, UUID entranceId, String name, String category) {
        public String token() {
            return sign(id, null, 1, QrTestKeys.PRIMARY, QrTestKeys.primary());
        }

        public String entranceToken() {
            return sign(id, entranceId, 1, QrTestKeys.PRIMARY, QrTestKeys.primary());
        }

        public String token(UUID entrance, int version) {
            return sign(id, entrance, version, QrTestKeys.PRIMARY, QrTestKeys.primary());
        }
    }

    public static Venue register(String name, String category) {
        Venue v = new Venue(UUID.randomUUID(), UUID.randomUUID(), name, category);
        publish(new VenueRegistered(v.id(), name, category, "288", "1 Test street", 100, "org-test", 1,
                List.of(new VenueRegistered.Entrance(v.entranceId(), "Cổng chính", 1))));
        awaitKnown(v.token());
        return v;
    }

    public static String sign(UUID venue, UUID entrance, int version, String kid, PrivateKey key) {
        return new QrToken(kid, venue, entrance, version, Instant.now()).sign(key);
    }

    /** Produces a venue event (acks=all) as venue-service's outbox relay would. */
    public static void publish(EventPayload payload) {
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), Instant.now(), "venue-service", payload);
        try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(event.topic(), event.key(), event)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test venue event", e);
        }
    }

    /**
     * Waits until the service's check-in page opens for a token of the venue (its directory has the venue). Usually
     * well under a second; the bound is for a loaded machine (20 s was missed with other builds on the same 2 cores).
     */
    public static void awaitKnown(String token) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/c/" + token).statusCode() != 503);
    }
}
