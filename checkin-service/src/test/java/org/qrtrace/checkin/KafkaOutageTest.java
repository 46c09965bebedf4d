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
 * Kafka-first: with the broker stopped, a check-in is answered 503 quickly and nothing is acknowledged; once the broker
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
            // the budget is publish-timeout (2.5 s) + max.block (1 s); the margin is for a loaded shared test machine
            assertTrue(millis < 7_000, "503 must come quickly, took " + millis + " ms");

            // a gate batch is refused as a whole, so the device keeps its scans and retries
            given().auth().oauth2(TestTokens.gateDevice(venue.id())).contentType(ContentType.JSON)
                    .body(Map.of("deviceId", "gate-1", "scans", List.of(Map.of("idempotencyKey", "g-1", "token", venue.token(),
                            "phone", "0916000002", "direction", "IN", "scannedAt", Instant.now().toString()))))
                    .post("/api/v1/gate/batches").then().statusCode(503).header("Retry-After", notNullValue());
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

    private static Response post(TestVenues.Venue venue, String phone, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("token", venue.token(), "phone", phone)).post("/api/v1/checkins");
    }
}
