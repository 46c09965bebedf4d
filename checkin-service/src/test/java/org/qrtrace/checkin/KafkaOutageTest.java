package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.EventEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka-first: with the broker stopped, a check-in is answered 503 after answer-within and nothing is acknowledged; the
 * check-ins after it are answered 503 at once, without waiting for Kafka (but for a probe now and then); once the broker
 * is back, the client's retry (same Idempotency-Key) is recorded exactly once. Runs last: it restarts the broker.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
@Order(Integer.MAX_VALUE)
class KafkaOutageTest {

    @Test
    void withTheBrokerDownCheckInsAre503AndNothingIsAcknowledged() {
        TestVenues.Venue venue = TestVenues.register("Siêu thị BigC", "SUPERMARKET");
        // warm up: the producer knows the topic's partitions, as in production
        post(venue, "0916000000", UUID.randomUUID().toString()).then().statusCode(201);

        String key = UUID.randomUUID().toString();
        UUID eventId = EventEnvelope.deterministicId("qrtrace.checkin-event", venue.id() + "/" + key);
        TestInfrastructure infra = TestInfrastructure.get();
        infra.stopKafka();
        try {
            long started = System.nanoTime();
            Response r = post(venue, "0916000001", key);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("check-in with the broker down answered %d in %d ms%n", r.statusCode(), millis);
            r.then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
            // the wait is answer-within (0.8 s); the margin is for a loaded shared test machine
            assertTrue(millis < 7_000, "503 must come quickly, took " + millis + " ms");
            long firstSent = System.nanoTime() - Duration.ofMillis(millis).toNanos();

            // Kafka is known not to acknowledge: the next check-ins are answered 503 without being sent, one probe in
            // every probe-every (2 s) aside
            double refusedBefore = metric("checkin_kafka_refused_at_once_total");
            for (int i = 10; i < 22; i++) {   // 12 people (within the per-address burst), one check-in each
                post(venue, "09160001" + i, UUID.randomUUID().toString()).then().statusCode(503)
                        .header("Retry-After", notNullValue());
            }
            double refused = metric("checkin_kafka_refused_at_once_total") - refusedBefore;
            assertTrue(refused >= 8, "most were answered without waiting for Kafka: " + refused + " of 12");

            // a gate batch is refused as a whole, so the device keeps its scans and retries
            given().auth().oauth2(TestTokens.gateDevice(venue.id())).contentType(ContentType.JSON)
                    .body(Map.of("deviceId", "gate-1", "scans", List.of(Map.of("idempotencyKey", "g-1", "token", venue.token(),
                            "phone", "0916000002", "direction", "IN", "scannedAt", Instant.now().toString()))))
                    .post("/api/v1/gate/batches").then().statusCode(503).header("Retry-After", notNullValue());
            // the first check-in's event expires in the producer after publish-timeout (2.5 s): restart only then, so
            // that "answered 503" is also "not on the topic" here (in general a late acknowledgement may store it, and
            // the client's retry with the same Idempotency-Key is the same check-in)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> System.nanoTime() - firstSent > Duration.ofSeconds(4).toNanos());
        } finally {
            infra.startKafka();
        }
        assertTrue(CheckinEvents.matching(e -> e.eventId().equals(eventId)).isEmpty(),
                "a check-in answered 503 must not appear on the topic");

        // the client retries with the same key once the broker is back: recorded once
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> post(venue, "0916000001", key).statusCode() == 201);
        post(venue, "0916000001", key).then().statusCode(201);
        List<CheckinEvents.Recorded> events = CheckinEvents.matching(e -> e.eventId().equals(eventId));
        assertEquals(1, events.size());
        assertTrue(events.get(0).event().payload() instanceof CheckedIn);
    }

    /** A counter of this service, from /q/metrics. */
    private static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static Response post(TestVenues.Venue venue, String phone, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("token", venue.token(), "phone", phone)).post("/api/v1/checkins");
    }
}
