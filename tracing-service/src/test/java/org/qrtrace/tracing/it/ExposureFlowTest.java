package org.qrtrace.tracing.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events in through the real broker, exposure queries out: exact F1/F2 sets, check-outs in both orders, duplicate
 * event ids, a garbage record dead-lettered without blocking the partition, jurisdiction limits, audit and export.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class ExposureFlowTest {

    static final String INDEX_PHONE = "+84912345678";
    static final String OFFICER_30 = TestTokens.healthOfficer("30");
    static final String OFFICER_74 = TestTokens.healthOfficer("74");

    static final UUID A = UUID.randomUUID();   // commune 10507, Hải Dương (30)
    static final UUID B = UUID.randomUUID();   // commune 10510, Hải Dương (30)
    static final UUID C = UUID.randomUUID();   // district 718, Bình Dương (74)
    static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(8));
    static final String F1A = Events.randomPseudonym();
    static final String F1B = Events.randomPseudonym();
    static final String F2_AT_A = Events.randomPseudonym();
    static final String F2_AT_B = Events.randomPseudonym();
    static final String EARLY = Events.randomPseudonym();
    static final String FAR = Events.randomPseudonym();
    static final UUID F1A_AT_A = UUID.randomUUID();
    static final UUID F1B_AT_A = UUID.randomUUID();
    static final byte[] GARBAGE = ("{not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    static String indexPseudonym;
    static boolean produced;

    static Instant t(int minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    @BeforeEach
    void produceOnce() {
        if (produced) {
            return;
        }
        try (Events events = new Events()) {
            indexPseudonym = events.pseudonymOf(INDEX_PHONE);
            // A record that is not an event comes first in A's partition: it must not hold back what follows.
            events.sendRaw(Topics.CHECKIN_EVENTS, A.toString(), GARBAGE);
            events.send(events.venue(A, "Quán cà phê Ngọc", "10507", T.minus(Duration.ofDays(1))),
                    events.venue(B, "Chợ Bình Hàn", "10510", T.minus(Duration.ofDays(1))),
                    events.venue(C, "Siêu thị Thủ Dầu Một", "718", T.minus(Duration.ofDays(1))));
            List<EventEnvelope> list = new ArrayList<>();
            list.add(Events.checkIn(UUID.randomUUID(), A, indexPseudonym, events.seal(INDEX_PHONE, "Ca bệnh"), t(0), t(60), List.of()));
            // F1 (55 min): explicit check-out after the check-in.
            list.add(Events.checkIn(F1A_AT_A, A, F1A, events.seal("+84900000001", "Nguyễn Văn A"), t(30), t(240), List.of()));
            list.add(Events.checkOut(F1A_AT_A, A, F1A, t(85)));
            // F1 (20 min, inside the 30-min buffer): its check-out arrives BEFORE its check-in.
            list.add(Events.checkOut(F1B_AT_A, A, F1B, t(100)));
            list.add(Events.checkIn(F1B_AT_A, A, F1B, events.seal("+84900000002", "Trần Thị B"), t(70), t(300), List.of()));
            // F2 at A: arrives after the index's buffer, overlaps F1 visits extended by the buffer.
            list.add(Events.checkIn(UUID.randomUUID(), A, F2_AT_A, events.seal("+84900000003", "Lê C"), t(100), t(130), List.of()));
            // F1A at B before its exposure (does not spread) and after it (spreads to F2_AT_B).
            list.add(Events.checkIn(UUID.randomUUID(), B, F1A, events.seal("+84900000001", "Nguyễn Văn A"), t(-180), t(-120), List.of()));
            list.add(Events.checkIn(UUID.randomUUID(), B, EARLY, events.seal("+84900000004", "Sớm"), t(-180), t(-120), List.of()));
            list.add(Events.checkIn(UUID.randomUUID(), B, F1A, events.seal("+84900000001", "Nguyễn Văn A"), t(120), t(180), List.of()));
            EventEnvelope f2b = Events.checkIn(UUID.randomUUID(), B, F2_AT_B,
                    events.seal("+84900000005", "=HYPERLINK(\"http://x\")"), t(150), t(240), List.of());
            list.add(f2b);
            list.add(f2b); // the same event id twice: one visit
            // Bình Dương: the index and a contact there (outside officer 30's jurisdiction).
            list.add(Events.checkIn(UUID.randomUUID(), C, indexPseudonym, events.seal(INDEX_PHONE, "Ca bệnh"), t(300), t(360), List.of()));
            list.add(Events.checkIn(UUID.randomUUID(), C, FAR, events.seal("+84900000006", "Xa"), t(300), t(360), List.of()));
            events.send(list.toArray(EventEnvelope[]::new));
        }
        produced = true;
    }

    private static io.restassured.response.Response query(String token, int depth) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "HD-2026-0142", "phone", "0912 345 678", "from", t(-60).toString(),
                        "to", t(420).toString(), "bufferMinutes", 30, "minOverlapMinutes", 15, "depth", depth))
                .when().post("/api/v1/exposure-queries");
    }

    private static List<String> tiers(JsonPath json) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < json.getList("contacts").size(); i++) {
            out.add(json.getString("contacts[" + i + "].tier") + ":" + json.getString("contacts[" + i + "].pseudonym"));
        }
        return out;
    }

    private static JsonPath awaitQuery(String token, int depth, List<String> expected) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            last[0] = query(token, depth).then().statusCode(200).extract().jsonPath();
            assertEquals(expected, tiers(last[0]));
        });
        return last[0];
    }

    @Test
    void depthTwoFindsExactlyTheExpectedContactsInOrderWithPhonesForTheOfficer() {
        JsonPath r = awaitQuery(OFFICER_30, 2, List.of("F1:" + F1A, "F1:" + F1B, "F2:" + F2_AT_A, "F2:" + F2_AT_B));
        assertEquals(1, r.getList("indexVisits").size(), "the Bình Dương index visit is hidden");
        assertEquals("Quán cà phê Ngọc", r.getString("indexVisits[0].venueName"));
        assertEquals(1, r.getInt("omitted.indexVisitsOutsideJurisdiction"));
        assertEquals(1, r.getInt("omitted.contactsOutsideJurisdiction"));
        assertEquals(indexPseudonym, r.getString("parameters.indexPseudonym"));

        assertEquals("+84900000001", r.getString("contacts[0].phone"));
        assertEquals("Nguyễn Văn A", r.getString("contacts[0].name"));
        assertEquals(t(30).toString(), r.getString("contacts[0].exposureStart"));
        assertEquals(t(85).toString(), r.getString("contacts[0].overlaps[0].end"), "the explicit check-out ends the visit");
        assertEquals(55, r.getInt("contacts[0].overlaps[0].minutes"));
        assertEquals(t(70).toString(), r.getString("contacts[1].overlaps[0].start"));
        assertEquals(t(90).toString(), r.getString("contacts[1].overlaps[0].end"));
        assertEquals(20, r.getInt("contacts[1].overlaps[0].minutes"));
        // F2 at A overlaps both F1 visits extended by the buffer: two overlaps, first from 10:40.
        assertEquals(2, r.getList("contacts[2].overlaps").size());
        assertEquals(t(100).toString(), r.getString("contacts[2].exposureStart"));
        assertEquals(B.toString(), r.getString("contacts[3].overlaps[0].venueId"));
        assertEquals(1, r.getList("contacts[3].overlaps").size(), "the duplicated check-in is one visit");

        // large answers travel gzip-compressed to clients that accept it (RestAssured asks and unpacks)
        io.restassured.response.Response gzipped = given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .header("Accept-Encoding", "gzip")
                .body(Map.of("caseReference", "HD-2026-0142", "phone", "0912 345 678", "from", t(-60).toString(),
                        "to", t(420).toString(), "depth", 2))
                .when().post("/api/v1/exposure-queries");
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertEquals(4, gzipped.jsonPath().getList("contacts").size());
    }

    @Test
    void depthOneListsOnlyF1() {
        awaitQuery(OFFICER_30, 1, List.of("F1:" + F1A, "F1:" + F1B));
    }

    @Test
    void anOfficerOfAnotherProvinceSeesOnlyTheirVenues() {
        JsonPath r = awaitQuery(OFFICER_74, 2, List.of("F1:" + FAR));
        assertEquals(C.toString(), r.getString("indexVisits[0].venueId"));
        assertEquals(1, r.getList("indexVisits").size());
        assertEquals(1, r.getInt("omitted.indexVisitsOutsideJurisdiction"));
        assertEquals("+84900000006", r.getString("contacts[0].phone"));
        given().auth().oauth2(OFFICER_74).when()
                .get("/api/v1/venues/" + A + "/presence?from=" + t(-60) + "&to=" + t(420) + "&caseReference=HD-1")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void storedQueryCanBeReadAndExportedOnlyByItsOfficer() {
        awaitQuery(OFFICER_30, 2, List.of("F1:" + F1A, "F1:" + F1B, "F2:" + F2_AT_A, "F2:" + F2_AT_B));
        String id = query(OFFICER_30, 2).then().statusCode(200).extract().path("queryId");
        given().auth().oauth2(OFFICER_30).when().get("/api/v1/exposure-queries/" + id).then().statusCode(200)
                .body("queryId", equalTo(id)).body("contacts[0].phone", equalTo("+84900000001"))
                .body("caseReference", equalTo("HD-2026-0142"));
        given().auth().oauth2(OFFICER_74).when().get("/api/v1/exposure-queries/" + id).then().statusCode(403);
        given().auth().oauth2(OFFICER_30).when().get("/api/v1/exposure-queries/" + UUID.randomUUID()).then().statusCode(404);

        byte[] csv = given().auth().oauth2(OFFICER_30).when().get("/api/v1/exposure-queries/" + id + "/export.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFcaseReference,tier,pseudonym,phone,name,"), text);
        assertTrue(text.contains(",'+84900000001,Nguyễn Văn A,"), "officer's export carries the phone (a leading + is neutralised like a formula)");
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "a formula in a name is neutralised: " + text);
        assertEquals(6, text.split("\r\n").length, "header + 5 overlap rows");

        JsonPath audit = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = audit.getList("rows");
        assertTrue(rows.stream().anyMatch(r -> "EXPOSURE_EXPORT".equals(r.get("action"))
                && "HD-2026-0142".equals(r.get("caseReference")) && "health-officer".equals(r.get("role"))
                && "30".equals(r.get("jurisdiction")) && ((String) r.get("parameters")).contains(id)
                && Integer.valueOf(4).equals(r.get("rowCount"))), "export audited: " + rows);
        assertTrue(rows.stream().noneMatch(r -> String.valueOf(r).contains("+849")), "no phone in the audit log");
    }

    @Test
    void presenceShowsCheckoutsInBothOrdersAndNoDuplicates() {
        awaitQuery(OFFICER_30, 1, List.of("F1:" + F1A, "F1:" + F1B));
        JsonPath a = given().auth().oauth2(OFFICER_30).when()
                .get("/api/v1/venues/" + A + "/presence?from=" + t(-60) + "&to=" + t(420) + "&caseReference=HD-2026-0142")
                .then().statusCode(200).body("venueName", equalTo("Quán cà phê Ngọc")).extract().jsonPath();
        Map<String, Object> f1b = a.getMap("visits.find { it.pseudonym == '" + F1B + "' }");
        assertEquals(t(100).toString(), f1b.get("checkedOutAt"), "check-out that arrived first was applied");
        assertEquals(true, f1b.get("explicitCheckout"));
        assertEquals("+84900000002", f1b.get("phone"));
        Map<String, Object> f2 = a.getMap("visits.find { it.pseudonym == '" + F2_AT_A + "' }");
        assertEquals(t(130).toString(), f2.get("checkedOutAt"), "no check-out: ends at autoCheckoutAt");
        assertEquals(false, f2.get("explicitCheckout"));
        JsonPath b = given().auth().oauth2(OFFICER_30).when()
                .get("/api/v1/venues/" + B + "/presence?from=" + t(-60) + "&to=" + t(420) + "&caseReference=HD-2026-0142")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, b.getList("visits.findAll { it.pseudonym == '" + F2_AT_B + "' }").size());

        given().auth().oauth2(OFFICER_30).when().get("/api/v1/venues/" + A + "/presence?from=" + t(-60) + "&to=" + t(420))
                .then().statusCode(400).body("errors[0].field", equalTo("caseReference"));
        given().auth().oauth2(OFFICER_30).when().get("/api/v1/venues/" + A + "/presence?from=yesterday&to=" + t(420) + "&caseReference=X")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(OFFICER_30).when().get("/api/v1/venues/" + A + "/presence?from=" + t(-60) + "&caseReference=X")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TestTokens.venueManager(A)).when()
                .get("/api/v1/venues/" + A + "/presence?from=" + t(-60) + "&to=" + t(420) + "&caseReference=X")
                .then().statusCode(403);
        given().auth().oauth2(OFFICER_30).when()
                .get("/api/v1/venues/" + UUID.randomUUID() + "/presence?from=" + t(-60) + "&to=" + t(420) + "&caseReference=X")
                .then().statusCode(404);
    }

    @Test
    void garbageRecordIsDeadLetteredWithItsOrigin() {
        awaitQuery(OFFICER_30, 1, List.of("F1:" + F1A, "F1:" + F1B));
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> dlq = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            dlq.assign(List.of(new TopicPartition(Topics.TRACING_DEAD_LETTER, 0)));
            dlq.seekToBeginning(dlq.assignment());
            ConsumerRecord<byte[], byte[]>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : dlq.poll(Duration.ofMillis(500))) {
                    if (java.util.Arrays.equals(r.value(), GARBAGE)) {
                        found[0] = r;
                    }
                }
                return found[0] != null;
            });
            assertEquals(A.toString(), new String(found[0].key(), StandardCharsets.UTF_8));
            assertEquals(Topics.CHECKIN_EVENTS, new String(found[0].headers().lastHeader("qrtrace.dlq.topic").value(), StandardCharsets.UTF_8));
            assertTrue(new String(found[0].headers().lastHeader("qrtrace.dlq.reason").value(), StandardCharsets.UTF_8).startsWith("not JSON"));
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("tracing_events_dead_lettered_total"), "dead letters are counted");
        assertTrue(metrics.contains("tracing_consumer_lag{topic=\"checkin.events\"}"), "consumer lag is exported");
    }

    @Test
    void badInputNamesTheField() {
        given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("phone", INDEX_PHONE, "from", t(0).toString(), "to", t(60).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("caseReference"));
        given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "phone", "12", "from", t(0).toString(), "to", t(60).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(400).body("errors[0].field", equalTo("phone"));
        given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "from", t(0).toString(), "to", t(60).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(400).body("errors[0].field", equalTo("phone"));
        given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "pseudonym", "abc", "from", t(0).toString(), "to", t(60).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(400).body("errors[0].field", equalTo("pseudonym"));
        given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "phone", INDEX_PHONE, "from", t(60).toString(), "to", t(0).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "phone", INDEX_PHONE, "from", t(0).toString(), "to", t(60).toString(), "depth", 3))
                .when().post("/api/v1/exposure-queries").then().statusCode(400).body("errors[0].field", equalTo("depth"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "phone", INDEX_PHONE, "from", t(0).toString(), "to", t(60).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("health-officer", null, null, null)).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "X", "phone", INDEX_PHONE, "from", t(0).toString(), "to", t(60).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(403);
    }

    @Test
    void unknownIndexPersonGivesAnEmptyAuditedResult() {
        JsonPath r = given().auth().oauth2(OFFICER_30).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "HD-EMPTY", "pseudonym", Events.randomPseudonym(), "from", t(-60).toString(),
                        "to", t(420).toString()))
                .when().post("/api/v1/exposure-queries").then().statusCode(200).extract().jsonPath();
        assertEquals(0, r.getList("contacts").size());
        assertEquals(30, r.getInt("parameters.bufferMinutes"));
        assertEquals(15, r.getInt("parameters.minOverlapMinutes"));
        assertEquals(1, r.getInt("parameters.depth"));
        assertNull(r.get("contacts[0]"));
    }
}
