package org.qrtrace.tracing.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.qrtrace.tracing.service.DailyReportService;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Daily counts rolled up commune -> district -> province on local days, snapshotted at the cut-off. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class DailyReportTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    // A past day no other test writes to (other tests' venues are registered later than it).
    static final LocalDate D = LocalDate.now(VN).minusDays(5);

    static Instant local(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(VN).toInstant();
    }

    static EventEnvelope visit(UUID venue, String pseudonym, Instant at, List<CheckedIn.Dependant> dependants) {
        return Events.checkIn(UUID.randomUUID(), venue, pseudonym, null, at, at.plus(Duration.ofHours(1)), dependants);
    }

    private static JsonPath report(String token, String code) {
        return given().auth().oauth2(token).when().get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=" + code)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath r, String code) {
        return r.getMap("rows.find { it.adminUnitCode == '" + code + "' }");
    }

    private static List<Integer> counts(Map<String, Object> row) {
        return List.of((Integer) row.get("venuesRegistered"), (Integer) row.get("venuesActive"),
                (Integer) row.get("checkins"), (Integer) row.get("uniqueVisitors"));
    }

    @Test
    void countsRollUpFromCommunesToTheProvinceOnLocalDaysAndSnapshotsStayFrozen() {
        UUID v1 = UUID.randomUUID(), v2 = UUID.randomUUID(), v3 = UUID.randomUUID(), v4 = UUID.randomUUID();
        UUID v5 = UUID.randomUUID(), v6 = UUID.randomUUID(), closedBefore = UUID.randomUUID(), closedDuring = UUID.randomUUID();
        String p1 = Events.randomPseudonym(), p2 = Events.randomPseudonym(), p3 = Events.randomPseudonym();
        String p4 = Events.randomPseudonym(), p5 = Events.randomPseudonym(), p6 = Events.randomPseudonym();
        String child = Events.randomPseudonym();
        Instant registered = local(D.minusDays(10), 8, 0);
        try (Events events = new Events()) {
            events.send(events.venue(v1, "V1", "10507", registered), events.venue(v2, "V2", "10507", registered),
                    events.venue(v3, "V3", "10510", registered), events.venue(v4, "V4", "288", registered),
                    events.venue(v5, "V5", "290", registered), events.venue(v6, "V6", "718", registered),
                    // Closed before day D: not registered that day. Closed during D: still counted for D.
                    events.venue(closedBefore, "Closed", "10510", registered), Events.closed(closedBefore, local(D.minusDays(2), 12, 0)),
                    events.venue(closedDuring, "Closing", "290", registered), Events.closed(closedDuring, local(D, 12, 0)),
                    // Registered after day D: not yet registered that day.
                    events.venue(UUID.randomUUID(), "Later", "10507", local(D.plusDays(1), 8, 0)));
            events.send(
                    visit(v1, p1, local(D, 9, 0), List.of()),
                    visit(v1, p1, local(D, 11, 0), List.of()),
                    visit(v3, p1, local(D, 12, 0), List.of()),
                    visit(v1, p2, local(D, 10, 0), List.of(new CheckedIn.Dependant(child, null))),
                    visit(v5, p3, local(D, 10, 0), List.of()),
                    visit(v6, p4, local(D, 10, 0), List.of()),
                    visit(v2, p5, local(D, 0, 30), List.of()),                  // 17:30 UTC the day before: still day D
                    visit(v2, p6, local(D.minusDays(1), 23, 30), List.of()));  // the local day before: not counted
        }
        String admin = TestTokens.admin();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(List.of(6, 4, 6, 5), counts(row(report(admin, "30"), "30"))));
        JsonPath r = report(admin, "30");
        assertEquals(List.of(2, 2, 4, 4), counts(row(r, "10507")));
        assertEquals(List.of(1, 1, 1, 1), counts(row(r, "10510")), "closed before the day: not registered");
        assertEquals(List.of(4, 3, 5, 4), counts(row(r, "288")), "p1 visited two communes: one unique visitor of 288");
        assertEquals(List.of(2, 1, 1, 1), counts(row(r, "290")), "closed during the day: still registered that day");
        assertEquals(List.of(0, 0, 0, 0), counts(row(r, "291")));
        assertNull(row(r, "718"), "another province is not part of this report");
        assertEquals("PROVINCE", row(r, "30").get("level"));
        assertEquals(0.6667f, ((Number) row(r, "30").get("activeVenueShare")).floatValue());
        Long population = AdminUnits.bundled().find("30").orElseThrow().population();
        assertTrue(population != null && population > 0, "the loaded data gives the province a population");
        assertEquals(population, ((Number) row(r, "30").get("population")).longValue(), "the population the service loaded");
        assertEquals(0.0f, ((Number) row(r, "30").get("visitorsPer1000")).floatValue(), "5 visitors of 1.9 million");
        assertNull(row(r, "288").get("visitorsPer1000"), "no population for the district: null");
        assertNull(row(r, "291").get("activeVenueShare"), "no venue: no share");
        assertEquals("30", r.getString("rows[0].adminUnitCode"), "the unit itself comes first, then its subtree");
        assertEquals(local(D, 16, 0).toString(), r.getString("cutoff"));
        assertNull(row(r, "30").get("snapshot"));

        given().auth().oauth2(admin).when().post("/api/v1/reports/daily/snapshots?date=" + D).then().statusCode(200)
                .body("alreadyTaken", equalTo(false));
        try (Events events = new Events()) {
            events.send(visit(v4, p6, local(D, 15, 0), List.of()));   // arrives after the snapshot
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(List.of(6, 5, 7, 6), counts(row(report(admin, "30"), "30"))));
        JsonPath after = report(admin, "30");
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) row(after, "30").get("snapshot");
        assertEquals(List.of(6, 4, 6, 5), counts(snapshot), "the snapshot does not change with later data");
        assertTrue(after.getString("snapshotTakenAt") != null);
        given().auth().oauth2(admin).when().post("/api/v1/reports/daily/snapshots?date=" + D).then().statusCode(200)
                .body("alreadyTaken", equalTo(true));

        byte[] csv = given().auth().oauth2(TestTokens.healthOfficer("30")).accept("text/csv").when()
                .get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=288").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFdate,adminUnitCode,name,level,parentCode,population,venuesRegistered,"), text);
        assertTrue(text.contains(D + ",288,Thành phố Hải Dương,DISTRICT,30,,4,4,6,5,,1.0000,0,0,0,0,0,0,4,3,5,4,,0.7500,0,0,0,0,0,0"),
                text);
    }

    @Inject
    DailyReportService reports;

    @Test
    void theScheduledSnapshotIsTakenOnceTheLocalCutOffHasPassed() {
        LocalDate day = LocalDate.now(VN).minusDays(6);
        Instant cutoff = reports.cutoffOf(day);
        assertEquals(local(day, 16, 0), cutoff, "default cut-off 16:00 Asia/Ho_Chi_Minh (09:00 UTC)");
        assertTrue(reports.snapshotIfDue(cutoff.minusSeconds(60)).isEmpty(), "not before the cut-off");
        DailyReportService.SnapshotResult taken = reports.snapshotIfDue(cutoff.plusSeconds(60)).orElseThrow();
        assertEquals(day, taken.date());
        assertTrue(taken.units() > 0);
        assertTrue(reports.snapshotIfDue(cutoff.plusSeconds(120)).isEmpty(), "taken once");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/reports/daily?date=" + day + "&adminUnitCode=30")
                .then().statusCode(200).body("rows[0].snapshot.checkins", equalTo(0));
    }

    @Test
    void officersSeeOnlyTheirJurisdiction() {
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=288")
                .then().statusCode(200).body("rows[0].adminUnitCode", equalTo("288"));
        given().auth().oauth2(TestTokens.healthOfficer("288")).when().get("/api/v1/reports/daily?date=" + D)
                .then().statusCode(200).body("adminUnitCode", equalTo("288"));
        given().auth().oauth2(TestTokens.healthOfficer("74")).when().get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=30")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.healthOfficer("288")).when().get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=30")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.venueManager(UUID.randomUUID())).when().get("/api/v1/reports/daily?adminUnitCode=30")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().post("/api/v1/reports/daily/snapshots?date=" + D)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/reports/daily?date=" + D)
                .then().statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/reports/daily?date=23/11/2026&adminUnitCode=30")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/reports/daily?adminUnitCode=99999")
                .then().statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));
    }
}
