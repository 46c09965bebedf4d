package org.qrtrace.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.phone.E164Phone;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole system, through its public APIs only: register venues, decode the QR from a poster PNG, check visitors in
 * through the REST API and a gate batch, then ask for the exposure of a case and the daily report, and check the exact
 * F1/F2 sets and counts.
 */
class EndToEndIT {

    static LocalStack stack;
    static Pseudonymiser pseudonyms;

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Far more than the scenario takes (under a minute here), so that it never straddles a local midnight. */
    static final Duration SCENARIO_BOUND = Duration.ofMinutes(5);
    static final String INDEX = "0912000001";
    static final String F1 = "0912000002";
    static final String F2 = "0912000003";
    static final String UNRELATED = "0912000004";

    @BeforeAll
    static void startTheSystem() throws Exception {
        stack = LocalStack.shared();
        pseudonyms = Pseudonymiser.fromBase64(stack.secret("QRTRACE_PEPPER"));
    }

    @Test
    void aCaseFindsExactlyItsF1AndF2AndTheDayIsCounted() throws Exception {
        String admin = stack.token("admin", null, null);
        String officer = stack.token("health-officer", null, "30");
        // Other end-to-end tests share this system: the day's counts are compared with what they were before. The
        // check-ins must fall on the report's local day: started in the last minutes before midnight in Vietnam, the
        // scenario waits for the new day first rather than skipping or failing at that hour.
        awaitClearOfLocalMidnight(SCENARIO_BOUND);
        LocalDate reportDay = LocalDate.now(VN);
        Map<String, Object> before = provinceRow(report(officer, reportDay));
        JsonPath hospital = createVenue(admin, "Bệnh viện Đa khoa Hải Dương", "HOSPITAL", "288", "225 Nguyễn Lương Bằng");
        JsonPath supermarket = createVenue(admin, "Siêu thị Chí Linh", "SUPERMARKET", "290", "12 Trần Hưng Đạo");
        JsonPath office = createVenue(admin, "Công ty Nam Sách", "OFFICE", "291", "1 Quốc lộ 183");
        for (JsonPath venue : List.of(hospital, supermarket, office)) {
            stack.awaitVenueKnown(venue.getString("id"), venue.getString("qrUrl"));
        }

        // The visitor's phone reads the poster: decode the QR from the PNG the venue printed.
        byte[] png = given().auth().oauth2(admin).when()
                .get(stack.venueUrl() + "/api/v1/venues/" + hospital.getString("id") + "/poster.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        String posterUrl = decodeQr(png);
        assertEquals(hospital.getString("qrUrl"), posterUrl);
        assertTrue(posterUrl.startsWith(stack.checkinUrl() + "/c/"), posterUrl);
        String hospitalToken = tokenOf(posterUrl);
        String hospitalEntranceToken = tokenOf(hospital.getString("entrances[0].qrUrl"));

        // Check-ins: the index case and a contact at the hospital, through the REST API.
        Instant indexIn = checkIn(hospitalEntranceToken, INDEX, "Nguyễn Văn A");
        checkIn(hospitalToken, F1, "Trần Thị B");
        // The contact then goes to the supermarket: scanned by its gate device (online here).
        String gate = stack.token("gate-device", List.of(supermarket.getString("id")), null);
        Instant scannedAt = Instant.now();
        given().auth().oauth2(gate).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "gate-1", "scans", List.of(Map.of(
                        "idempotencyKey", UUID.randomUUID().toString(),
                        "token", tokenOf(supermarket.getString("qrUrl")),
                        "phone", "+84" + F1.substring(1), "direction", "IN", "scannedAt", scannedAt.toString()))))
                .when().post(stack.checkinUrl() + "/api/v1/gate/batches")
                .then().statusCode(200).body("results[0].status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
        // Someone meets the contact there (F2), someone else is elsewhere (no contact).
        checkIn(tokenOf(supermarket.getString("qrUrl")), F2, "Lê Văn C");
        checkIn(tokenOf(office.getString("qrUrl")), UNRELATED, "Phạm Thị D");

        // The officer opens the index person's case; the exposure query under its reference feeds its contacts.
        String caseId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "HD-E2E-0001", "phone", INDEX, "confirmedAt", Instant.now().toString(),
                        "adminUnitCode", "288"))
                .when().post(stack.tracingUrl() + "/api/v1/cases").then().statusCode(201).extract().path("id");
        Map<String, Object> query = Map.of("caseReference", "HD-E2E-0001", "phone", INDEX,
                "from", indexIn.minus(Duration.ofHours(1)).toString(), "to", indexIn.plus(Duration.ofHours(8)).toString(),
                "bufferMinutes", 30, "minOverlapMinutes", 15, "depth", 2);
        JsonPath result = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(officer).contentType(ContentType.JSON).body(query)
                                .when().post(stack.tracingUrl() + "/api/v1/exposure-queries")
                                .then().statusCode(200).extract().jsonPath(),
                        r -> r.getList("contacts").size() >= 2);

        assertEquals(1, result.getList("indexVisits").size());
        assertEquals(hospital.getString("id"), result.getString("indexVisits[0].venueId"));
        assertEquals(List.of("F1", "F2"), result.getList("contacts.tier"));
        assertEquals(List.of(pseudonym(F1), pseudonym(F2)), result.getList("contacts.pseudonym"));
        assertEquals("+84" + F1.substring(1), result.getString("contacts[0].phone"));
        assertEquals(hospital.getString("id"), result.getString("contacts[0].overlaps[0].venueId"));
        assertEquals(supermarket.getString("id"), result.getString("contacts[1].overlaps[0].venueId"));

        LocalDate today = LocalDate.ofInstant(indexIn, VN);
        assertEquals(reportDay, today, "the check-ins fell on the report's day");
        assertEquals(reportDay, LocalDate.now(VN), "the scenario took longer than " + SCENARIO_BOUND);
        java.util.concurrent.atomic.AtomicReference<JsonPath> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last.set(report(officer, today));
                return count(provinceRow(last.get()), "checkins") - count(before, "checkins") >= 5;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // fall through: the assertions below show the report as it was
        }
        String shown = last.get() == null ? "no report" : last.get().prettify();
        Map<String, Object> province = provinceRow(last.get());
        assertEquals(5, count(province, "checkins") - count(before, "checkins"), shown);
        assertEquals(3, count(province, "venuesRegistered") - count(before, "venuesRegistered"), shown);
        assertEquals(3, count(province, "venuesActive") - count(before, "venuesActive"), shown);
        assertEquals(4, count(province, "uniqueVisitors") - count(before, "uniqueVisitors"), shown);

        // The case's contacts, told by SMS through the real SMSC: each once, whatever is asked twice.
        JsonPath contacts = given().auth().oauth2(officer).when().get(stack.tracingUrl() + "/api/v1/cases/" + caseId + "/contacts")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("F1", "F2"), contacts.getList("tier"));
        assertEquals(List.of(pseudonym(F1), pseudonym(F2)), contacts.getList("pseudonym"));
        Map<String, Object> notify = Map.of("tiers", List.of("F1", "F2"), "language", "vi");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(notify)
                .when().post(stack.tracingUrl() + "/api/v1/cases/" + caseId + "/notifications")
                .then().statusCode(202).body("queued", org.hamcrest.Matchers.equalTo(2));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(notify)
                .when().post(stack.tracingUrl() + "/api/v1/cases/" + caseId + "/notifications")
                .then().statusCode(202).body("queued", org.hamcrest.Matchers.equalTo(0))
                .body("alreadyNotified", org.hamcrest.Matchers.equalTo(2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertEquals(List.of("DELIVERED", "DELIVERED"), given().auth().oauth2(officer).when()
                        .get(stack.tracingUrl() + "/api/v1/cases/" + caseId + "/contacts").then().statusCode(200)
                        .extract().jsonPath().getList("notification.status")));
        List<Map<String, Object>> received = given().when().get(stack.smscMessagesUrl()).then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (String phone : List.of(F1, F2)) {
            List<Map<String, Object>> to = received.stream()
                    .filter(m -> ("84" + phone.substring(1)).equals(m.get("destination"))).toList();
            assertEquals(1, to.size(), "one message to " + phone);
            assertTrue(String.valueOf(to.get(0).get("text")).contains("Bệnh viện Đa khoa Hải Dương")
                    || String.valueOf(to.get(0).get("text")).contains("Siêu thị Chí Linh"), String.valueOf(to.get(0).get("text")));
        }
        assertTrue(received.stream().noneMatch(m -> ("84" + UNRELATED.substring(1)).equals(m.get("destination"))));
        assertTrue(received.stream().noneMatch(m -> ("84" + INDEX.substring(1)).equals(m.get("destination"))));

        // The officer publishes the hospital as an exposure site: the public list names the place and hours, not the case.
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "venueId", hospital.getString("id"),
                        "from", indexIn.minus(Duration.ofMinutes(5)).toString(), "to", indexIn.plus(Duration.ofMinutes(5)).toString()))
                .when().post(stack.tracingUrl() + "/api/v1/exposure-sites").then().statusCode(201);
        String feed = given().when().get(stack.tracingUrl() + "/api/v1/exposure-sites").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*").extract().asString();
        assertTrue(feed.contains("Bệnh viện Đa khoa Hải Dương"), feed);
        assertTrue(!feed.contains(caseId) && !feed.contains("HD-E2E-0001") && !feed.contains(pseudonym(INDEX)), feed);

        // ... and the day's report counts the case's work in the province.
        Map<String, Object> withCases = provinceRow(report(officer, today));
        assertEquals(1, count(withCases, "cases") - count(before, "cases"));
        assertEquals(2, count(withCases, "contactsIdentified") - count(before, "contactsIdentified"));
        assertEquals(2, count(withCases, "notified") - count(before, "notified"));
        assertEquals(2, count(withCases, "delivered") - count(before, "delivered"));
    }

    /** Waits, when less than {@code needed} is left of the local day, until the next day has begun. */
    private static void awaitClearOfLocalMidnight(Duration needed) {
        ZonedDateTime now = ZonedDateTime.now(VN);
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(VN);
        if (Duration.between(now, midnight).compareTo(needed) < 0) {
            await().atMost(needed.plusMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !ZonedDateTime.now(VN).isBefore(midnight));
        }
    }

    private static JsonPath report(String officer, LocalDate day) {
        return given().auth().oauth2(officer).accept(ContentType.JSON)
                .queryParam("date", day.toString()).queryParam("adminUnitCode", "30")
                .when().get(stack.tracingUrl() + "/api/v1/reports/daily")
                .then().statusCode(200).extract().jsonPath();
    }

    private static int count(Map<String, Object> row, String figure) {
        Object value = row.get(figure);
        return value instanceof Number n ? n.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provinceRow(JsonPath report) {
        return report.getList("rows", Map.class).stream()
                .filter(r -> "30".equals(r.get("adminUnitCode"))).findFirst()
                .map(r -> (Map<String, Object>) r).orElse(Map.of());
    }

    private static JsonPath createVenue(String token, String name, String category, String unit, String address) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "category", category, "adminUnitCode", unit, "address", address,
                        "contactPhone", "0220 3890 000", "capacity", 100, "entrances", List.of(Map.of("name", "Cổng chính"))))
                .when().post(stack.venueUrl() + "/api/v1/venues")
                .then().statusCode(201).extract().jsonPath();
    }

    private static Instant checkIn(String token, String phone, String name) {
        String at = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("token", token, "phone", phone, "name", name))
                .when().post(stack.checkinUrl() + "/api/v1/checkins")
                .then().statusCode(201).extract().jsonPath().getString("checkedInAt");
        return Instant.parse(at);
    }

    private static String pseudonym(String phone) {
        return pseudonyms.pseudonymOf(E164Phone.parse(phone));
    }

    private static String tokenOf(String qrUrl) {
        return qrUrl.substring(qrUrl.lastIndexOf('/') + 1);
    }

    private static String decodeQr(byte[] png) throws Exception {
        return org.qrtrace.testing.PosterScanner.readQr(ImageIO.read(new ByteArrayInputStream(png))).getText();
    }
}
