package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.QrKeyRotated;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/gate/batches}: per-scan verdicts, late uploads, clock skew, IN/OUT pairing, device scope. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class GateBatchTest {

    static Map<String, Object> scan(String key, String token, String phone, String direction, Instant at) {
        Map<String, Object> m = new HashMap<>();
        m.put("idempotencyKey", key);
        m.put("token", token);
        m.put("phone", phone);
        m.put("direction", direction);
        m.put("scannedAt", at == null ? null : at.toString());
        return m;
    }

    static JsonPath upload(String deviceToken, List<Map<String, Object>> scans) {
        return given().auth().oauth2(deviceToken).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "gate-7", "scans", scans))
                .post("/api/v1/gate/batches").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachScanGetsItsOwnVerdictInUploadOrder() {
        TestVenues.Venue venue = TestVenues.register("Nhà máy May 10", "FACTORY");
        TestVenues.Venue other = TestVenues.register("Nhà máy khác", "FACTORY");
        Instant now = Instant.now();
        String ok = UUID.randomUUID().toString();
        List<Map<String, Object>> scans = List.of(
                scan(ok, venue.entranceToken(), "+84912000001", "IN", now.minus(Duration.ofMinutes(10))),
                scan("late", venue.token(), "+84912000002", "IN", now.minus(Duration.ofHours(70))),
                scan("too-old", venue.token(), "+84912000003", "IN", now.minus(Duration.ofHours(73))),
                scan("future", venue.token(), "+84912000004", "IN", now.plus(Duration.ofMinutes(30))),
                scan("skewed", venue.token(), "+84912000005", "IN", now.plus(Duration.ofMinutes(2))),
                scan("bad-phone", venue.token(), "12", "IN", now),
                scan("bad-token", "garbage", "+84912000006", "IN", now),
                scan("other-venue", other.token(), "+84912000007", "IN", now),
                scan("sideways", venue.token(), "+84912000008", "UP", now),
                scan(null, venue.token(), "+84912000009", "IN", now),
                scan("no-time", venue.token(), "+84912000010", "IN", null));
        JsonPath r = upload(TestTokens.gateDevice(venue.id()), scans);
        assertEquals(List.of(ok, "late", "too-old", "future", "skewed", "bad-phone", "bad-token", "other-venue", "sideways"),
                r.getList("results.idempotencyKey").subList(0, 9));
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED",
                "REJECTED", "REJECTED", "REJECTED"), r.getList("results.status"));
        assertTrue(r.getString("results[2].error").startsWith("scannedAt:"));
        assertTrue(r.getString("results[3].error").startsWith("scannedAt:"));
        assertTrue(r.getString("results[5].error").startsWith("phone:"));
        assertTrue(r.getString("results[6].error").startsWith("token: MALFORMED"));
        assertTrue(r.getString("results[7].error").startsWith("token:"));
        assertTrue(r.getString("results[8].error").startsWith("direction:"));
        assertTrue(r.getString("results[9].error").startsWith("idempotencyKey:"));
        assertTrue(r.getString("results[10].error").startsWith("scannedAt:"));

        UUID accepted = UUID.fromString(r.getString("results[0].checkinId"));
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(accepted))
                .get(0).event().payload();
        assertEquals(CheckedIn.Source.GATE, in.source());
        assertEquals("gate-7", in.deviceId());
        assertEquals(venue.entranceId(), in.entranceId());
        assertEquals(Instant.parse(scans.get(0).get("scannedAt").toString()), in.checkedInAt(), "device scan time is kept");
        assertEquals(in.checkedInAt().plus(Duration.ofHours(9)), in.autoCheckoutAt(), "factory default stay");

        UUID skewedId = UUID.fromString(r.getString("results[4].checkinId"));
        CheckedIn skewed = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(skewedId))
                .get(0).event().payload();
        assertTrue(skewed.clockSkewFlagged(), "a scan time ahead of the server is flagged");
        assertTrue(!skewed.checkedInAt().isAfter(Instant.now()), "and clamped to the receive time");
        assertEquals(2 + 1, CheckinEvents.matching(e -> e.payload().venueId().equals(venue.id())).size());
        assertTrue(CheckinEvents.matching(e -> e.payload().venueId().equals(other.id())).isEmpty(), "not the device's venue");

        // the device retries the whole batch: recorded scans are DUPLICATE with the same check-in, no new events
        JsonPath retry = upload(TestTokens.gateDevice(venue.id()), scans);
        assertEquals("DUPLICATE", retry.getString("results[0].status"));
        assertEquals(accepted.toString(), retry.getString("results[0].checkinId"));
        assertEquals(3, CheckinEvents.matching(e -> e.payload().venueId().equals(venue.id())).size());
    }

    @Test
    void inAndOutPairUpAndRepeatedScansWithinTheWindowAreOneVisit() {
        TestVenues.Venue venue = TestVenues.register("Trạm xe buýt", "TRANSPORT_HUB");
        Instant t = Instant.now().minus(Duration.ofHours(5));
        String phone = "0913000001";
        JsonPath r = upload(TestTokens.gateDevice(venue.id()), List.of(
                scan("out-1", venue.token(), phone, "OUT", t.plus(Duration.ofMinutes(40))),
                scan("in-1", venue.token(), phone, "IN", t),
                scan("in-2", venue.token(), phone, "IN", t.plus(Duration.ofMinutes(2))),
                scan("in-3", venue.token(), phone, "IN", t.plus(Duration.ofMinutes(50))),
                scan("out-lonely", venue.token(), "0913000002", "OUT", t)));
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "DUPLICATE", "ACCEPTED", "REJECTED"), r.getList("results.status"));
        String visit = r.getString("results[1].checkinId");
        assertEquals(visit, r.getString("results[0].checkinId"), "OUT names the visit it ends");
        assertEquals(visit, r.getString("results[2].checkinId"), "a second IN within the window is the same visit");
        assertTrue(!visit.equals(r.getString("results[3].checkinId")), "after the OUT, an IN is a new visit");
        assertNull(r.getString("results[4].checkinId"));

        var outs = CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o && o.venueId().equals(venue.id()));
        assertEquals(1, outs.size());
        CheckedOut out = (CheckedOut) outs.get(0).event().payload();
        assertEquals(UUID.fromString(visit), out.checkinId());
        assertEquals(t.plus(Duration.ofMinutes(40)), out.checkedOutAt());
        assertEquals(CheckedOut.Source.GATE, out.source());
        assertEquals(2, CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.venueId().equals(venue.id())).size());
    }

    @Test
    void aCodeIsJudgedAtScanTimeSoLateUploadsOfSupersededCodesCount() {
        TestVenues.Venue venue = TestVenues.register("Chùa Dư Hàng", "RELIGIOUS");
        String v1 = venue.token();
        TestVenues.publish(new QrKeyRotated(venue.id(), null, 2, Instant.now().minus(Duration.ofHours(1))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/c/" + v1).statusCode() == 410);
        JsonPath r = upload(TestTokens.gateDevice(venue.id()), List.of(
                scan("before", v1, "0914000001", "IN", Instant.now().minus(Duration.ofHours(3))),
                scan("after", v1, "0914000002", "IN", Instant.now().minus(Duration.ofMinutes(5)))));
        assertEquals(List.of("ACCEPTED", "REJECTED"), r.getList("results.status"));
        assertTrue(r.getString("results[1].error").startsWith("token: SUPERSEDED"));
    }

    @Test
    void batchLevelRules() {
        TestVenues.Venue venue = TestVenues.register("Cửa hàng", "OTHER");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(scan("k" + i, venue.token(), "0915000001", "IN", Instant.now()));
        }
        given().auth().oauth2(TestTokens.gateDevice(venue.id())).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "gate-7", "scans", many)).post("/api/v1/gate/batches")
                .then().statusCode(400).body("errors[0].field", equalTo("scans"));
        given().auth().oauth2(TestTokens.gateDevice(venue.id())).contentType(ContentType.JSON)
                .body(Map.of("scans", List.of())).post("/api/v1/gate/batches")
                .then().statusCode(400).body("errors.field", hasItem("deviceId"));
        given().auth().oauth2(TestTokens.healthOfficer("30")).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "gate-7", "scans", List.of())).post("/api/v1/gate/batches")
                .then().statusCode(403);
        JsonPath empty = upload(TestTokens.gateDevice(venue.id()), List.of());
        assertNotNull(empty.getList("results"));
        assertTrue(empty.getList("results").isEmpty());
    }

    @Test
    void aDeviceUploadingFasterThanItsScanRateIs429AndNothingOfThatBatchIsRecorded() {
        TestVenues.Venue venue = TestVenues.register("Bệnh viện Đa khoa tỉnh", "HOSPITAL");
        String device = TestTokens.gateDevice("gate-device-limit-" + UUID.randomUUID(), venue.id());
        Instant t = Instant.now().minus(Duration.ofHours(2));
        List<Map<String, Object>> first = new ArrayList<>();
        List<Map<String, Object>> second = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            first.add(scan("a" + i, venue.token(), String.format("09160000%02d", i), "IN", t.plusSeconds(i)));
            second.add(scan("b" + i, venue.token(), String.format("09170000%02d", i), "IN", t.plusSeconds(100 + i)));
        }
        assertEquals(30, upload(device, first).getList("results.status").stream().filter("ACCEPTED"::equals).count());

        // the test profile allows 40 scans at once: 30 more are over the device's rate, the whole batch is refused
        io.restassured.response.Response limited = given().auth().oauth2(device).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "gate-7", "scans", second)).post("/api/v1/gate/batches");
        limited.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "20 scans at 40 per minute: about 30 s, was " + retryAfter);
        assertTrue(CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.venueId().equals(venue.id())
                && c.checkedInAt().isAfter(t.plusSeconds(99))).isEmpty(), "nothing of the refused batch was recorded");

        // the limit is per device: another device of the venue is not slowed down by this one, and the refused scans
        // are new to it (ACCEPTED, not DUPLICATE), which shows again that none of them was recorded
        String otherDevice = TestTokens.gateDevice("gate-device-limit-" + UUID.randomUUID(), venue.id());
        assertEquals(List.of("ACCEPTED"), upload(otherDevice, second).getList("results.status").stream().distinct().toList());
        assertEquals(60, CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.venueId().equals(venue.id())).size());
    }
}
