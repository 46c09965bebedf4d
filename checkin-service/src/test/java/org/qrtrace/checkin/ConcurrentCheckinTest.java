package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.events.CheckedIn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrent check-ins are all acknowledged, each exactly once, and share producer requests (Kafka-first without a
 * flush per request). The benchmark measures throughput; this checks the mechanism.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class ConcurrentCheckinTest {

    @Test
    void concurrentCheckInsShareProducerRequests() throws Exception {
        List<TestVenues.Venue> venues = new ArrayList<>();
        for (int v = 0; v < 8; v++) {
            venues.add(TestVenues.register("Quầy " + v, "SUPERMARKET"));
        }
        int perVenue = 10;
        double recordsBefore = producerMetric("kafka_producer_record_send_total");
        double requestsBefore = producerMetric("kafka_producer_request_total");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < perVenue; i++) {
                for (int v = 0; v < venues.size(); v++) {
                    String token = venues.get(v).token();
                    String phone = String.format("09180%02d%03d", v, i);
                    answers.add(pool.submit(() -> given().contentType(ContentType.JSON)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(Map.of("token", token, "phone", phone))
                            .post("/api/v1/checkins").then().statusCode(201).extract().path("checkinId")));
                }
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<String> f : answers) {
                ids.add(f.get());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(venues.size() * perVenue, ids.size());
            System.out.printf("%d concurrent check-ins acknowledged in %d ms%n", ids.size(), millis);
        } finally {
            pool.shutdownNow();
        }
        Set<UUID> venueIds = venues.stream().map(TestVenues.Venue::id).collect(Collectors.toSet());
        assertEquals(venues.size() * perVenue,
                CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && venueIds.contains(c.venueId())).size());

        double records = producerMetric("kafka_producer_record_send_total") - recordsBefore;
        double requests = producerMetric("kafka_producer_request_total") - requestsBefore;
        System.out.printf("producer: %.0f records in %.0f requests (%.2f records per request)%n", records, requests,
                records / requests);
        assertTrue(records >= venues.size() * perVenue);
        assertTrue(records / requests > 1.0, "concurrent check-ins should share produce requests: " + records + " records in "
                + requests + " requests");
    }

    /** A cumulative metric of this service's producer, from /q/metrics. */
    private static double producerMetric(String name) {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("client_id=\"checkin-service\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
