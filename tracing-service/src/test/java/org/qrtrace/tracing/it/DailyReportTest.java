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
import org.qrtrace.events.AdminUnitPopulationSet;
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

/**
 * Daily counts on local days, rolled up by the tree of administrative units in force on the report's date (commune,
 * province since 2025-07-01; commune, district, province before), venues registered under units of the other edition
 * placed through the mapping, and snapshotted at the cut-off.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class DailyReportTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    // A past day no other test writes to (other tests' venues are registered later than it).
    static final LocalDate D = LocalDate.now(VN).minusDays(5);
    // Before the 2025 reorganisation: venues registered then keep the codes of the 2025-03-01 list.
    static final LocalDate JUNE_2025 = LocalDate.of(2025, 6, 15);
    static final LocalDate OLD_REPORT_DAY = LocalDate.of(2025, 6, 20);
    static final List<String> COUNTS = List.of("venuesRegistered", "venuesActive", "checkins", "cases",
            "contactsIdentified", "notified", "delivered", "reached", "testedPositive");

    static Instant local(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(VN).toInstant();
    }

    static EventEnvelope visit(UUID venue, String pseudonym, Instant at, List<CheckedIn.Dependant> dependants) {
        return Events.checkIn(UUID.randomUUID(), venue, pseudonym, null, at, at.plus(Duration.ofHours(1)), dependants);
    }

    private static JsonPath report(String token, LocalDate day, String code, String structure) {
        return given().auth().oauth2(token).when().get("/api/v1/reports/daily?date=" + day + "&adminUnitCode=" + code
                        + (structure == null ? "" : "&structure=" + structure))
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath report(String token, String code) {
        return report(token, D, code, null);
    }

    private static Map<String, Object> row(JsonPath r, String code) {
        return r.getMap("rows.find { it.adminUnitCode == '" + code + "' }");
    }

    private static Map<String, Object> notPlaced(JsonPath r, String code) {
        return r.getMap("rows.find { it.level == 'NOT_PLACED' && it.parentCode == '" + code + "' }");
    }

    private static List<Integer> counts(Map<String, Object> row) {
        return List.of((Integer) row.get("venuesRegistered"), (Integer) row.get("venuesActive"),
                (Integer) row.get("checkins"), (Integer) row.get("uniqueVisitors"));
    }

    /** Every count of every unit with rows below it is the sum of those rows (its NOT_PLACED row included). */
    @SuppressWarnings("unchecked")
    private static void assertRollsUpExactly(JsonPath r) {
        List<Map<String, Object>> rows = r.getList("rows", Map.class).stream().map(m -> (Map<String, Object>) m).toList();
        int parents = 0;
        for (Map<String, Object> unit : rows) {
            String code = (String) unit.get("adminUnitCode");
            List<Map<String, Object>> below = rows.stream().filter(x -> code != null && code.equals(x.get("parentCode"))).toList();
            if (below.isEmpty()) {
                continue;
            }
            parents++;
            for (String figure : COUNTS) {
                int sum = below.stream().mapToInt(x -> (Integer) x.get(figure)).sum();
                assertEquals(unit.get(figure), sum, figure + " of " + code + " is the sum of the rows below it");
            }
        }
        assertTrue(parents > 0, "the report has units with rows below them");
        assertTrue(r.getString("rollUp").contains("sum of the counts of the units directly below it"), r.getString("rollUp"));
    }

    @Test
    void countsRollUpByTheTreeInForceOnTheDateAndSnapshotsStayFrozen() {
        UUID v1 = UUID.randomUUID(), v2 = UUID.randomUUID(), v3 = UUID.randomUUID(), v4 = UUID.randomUUID();
        UUID v5 = UUID.randomUUID(), v6 = UUID.randomUUID(), closedBefore = UUID.randomUUID(), closedDuring = UUID.randomUUID();
        String p1 = Events.randomPseudonym(), p2 = Events.randomPseudonym(), p3 = Events.randomPseudonym();
        String p4 = Events.randomPseudonym(), p5 = Events.randomPseudonym(), p6 = Events.randomPseudonym();
        String child = Events.randomPseudonym();
        Instant registered = local(D.minusDays(10), 8, 0);
        Instant beforeReorganisation = local(JUNE_2025, 8, 0);
        try (Events events = new Events()) {
            events.send(events.venue(v1, "V1", "10507", registered), events.venue(v2, "V2", "10507", registered),
                    // Old Phường Bình Hàn: since 2025-07-01 wholly in new Phường Thành Đông (10507).
                    events.venue(v3, "V3", "10510", beforeReorganisation),
                    // Old district Thành phố Hải Dương: spread over nine new communes, placed in no commune of 31.
                    events.venue(v4, "V4", "288", beforeReorganisation),
                    events.venue(v5, "V5", "10525", registered), events.venue(v6, "V6", "718", registered),
                    // Closed before day D: not registered that day. Closed during D: still counted for D.
                    events.venue(closedBefore, "Closed", "10510", beforeReorganisation),
                    Events.closed(closedBefore, local(D.minusDays(2), 12, 0)),
                    events.venue(closedDuring, "Closing", "10525", registered), Events.closed(closedDuring, local(D, 12, 0)),
                    // Registered after day D: not yet registered that day.
                    events.venue(UUID.randomUUID(), "Later", "10507", local(D.plusDays(1), 8, 0)),
                    // The province sets the population of a commune of the new list.
                    EventEnvelope.of(UUID.randomUUID(), Instant.now(), "test", new AdminUnitPopulationSet("2025-07-01",
                            "10507", 1000, 2026, "Test decision 1/2026", Instant.now())));
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
                assertEquals(List.of(6, 4, 6, 5), counts(row(report(admin, "31"), "31"))));
        JsonPath r = report(admin, "31");
        assertEquals("2025-07-01", r.getString("structure"), "the tree in force on the date");
        assertEquals("commune, province", r.getString("structureLevels"));
        assertEquals(List.of(3, 3, 5, 4), counts(row(r, "10507")), "with the venue registered under old 10510");
        assertEquals(List.of(2, 1, 1, 1), counts(row(r, "10525")), "closed during the day: still registered that day");
        assertEquals(List.of(1, 0, 0, 0), counts(notPlaced(r, "31")), "old district 288: in 31, in none of its communes");
        assertEquals(List.of(0, 0, 0, 0), counts(row(r, "10532")));
        assertNull(row(r, "718"), "another province is not part of this report");
        assertEquals("PROVINCE", row(r, "31").get("level"));
        assertEquals("31", r.getString("rows[0].adminUnitCode"), "the unit itself comes first, then its subtree");
        assertEquals("NOT_PLACED", r.getString("rows[-1].level"), "the province's NOT_PLACED row after its communes");
        assertRollsUpExactly(r);

        assertEquals(Map.of("count", 1000, "year", 2026, "source", "Test decision 1/2026"), row(r, "10507").get("population"),
                "the figure the province set, named with its year and source");
        assertEquals(0.4f, ((Number) row(r, "10507").get("adoptionPercent")).floatValue(), "4 visitors of 1,000");
        assertNull(row(r, "31").get("population"), "no population known for new 31");
        assertNull(row(r, "31").get("adoptionPercent"), "absent, not zero");
        assertEquals(0.6667f, ((Number) row(r, "31").get("activeVenueShare")).floatValue());
        assertNull(row(r, "10532").get("activeVenueShare"), "no venue: no share");
        assertEquals(local(D, 16, 0).toString(), r.getString("cutoff"));
        assertNull(row(r, "31").get("snapshot"));

        // The same day in the old structure: Hải Dương (30) and its districts, through the mapping back.
        JsonPath old = report(admin, D, "30", "2025-03-01");
        assertEquals("2025-03-01", old.getString("structure"));
        assertEquals(List.of(1, 1, 1, 1), counts(row(old, "10510")), "the venue registered under 10510 in June 2025");
        assertEquals(List.of(5, 3, 5, 5), counts(notPlaced(old, "288")), "venues registered under new 10507 and 10525 "
                + "(each made of several old communes of 288) and under 288 itself: in 288, in none of its communes");
        assertEquals(List.of(6, 4, 6, 5), counts(row(old, "30")), "old 30 is wholly new 31's share here");
        assertRollsUpExactly(old);

        given().auth().oauth2(admin).when().post("/api/v1/reports/daily/snapshots?date=" + D).then().statusCode(200)
                .body("alreadyTaken", equalTo(false)).body("structures", equalTo(List.of("2025-03-01", "2025-07-01")));
        try (Events events = new Events()) {
            events.send(visit(v4, p6, local(D, 15, 0), List.of()));   // arrives after the snapshot
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(List.of(6, 5, 7, 6), counts(row(report(admin, "31"), "31"))));
        JsonPath after = report(admin, "31");
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) row(after, "31").get("snapshot");
        assertEquals(List.of(6, 4, 6, 5), counts(snapshot), "the snapshot does not change with later data");
        @SuppressWarnings("unchecked")
        Map<String, Object> notPlacedSnapshot = (Map<String, Object>) notPlaced(after, "31").get("snapshot");
        assertEquals(List.of(1, 0, 0, 0), counts(notPlacedSnapshot));
        assertEquals(List.of(1, 1, 1, 1), counts(notPlaced(after, "31")));
        assertTrue(after.getString("snapshotTakenAt") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> oldSnapshot = (Map<String, Object>) row(report(admin, D, "30", "2025-03-01"), "30").get("snapshot");
        assertEquals(List.of(6, 4, 6, 5), counts(oldSnapshot), "frozen in the other structure too");
        given().auth().oauth2(admin).when().post("/api/v1/reports/daily/snapshots?date=" + D).then().statusCode(200)
                .body("alreadyTaken", equalTo(true));

        byte[] csv = given().auth().oauth2(TestTokens.healthOfficer("31")).accept("text/csv").when()
                .get("/api/v1/reports/daily?date=" + D).then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFdate,structure,adminUnitCode,name,level,parentCode,population,populationYear,"
                + "populationSource,venuesRegistered,venuesActive,checkins,uniqueVisitors,adoptionPercent,"), text);
        assertTrue(text.contains(D + ",2025-07-01,10507,Phường Thành Đông,COMMUNE,31,1000,2026,Test decision 1/2026,"
                + "3,3,5,4,0.400,1.0000,0,0,0,0,0,0,3,3,5,4,0.400,1.0000,0,0,0,0,0,0"), text);
        assertTrue(text.contains(D + ",2025-07-01,,not placed in a unit below Thành phố Hải Phòng (31),NOT_PLACED,31,,,,"
                + "1,1,1,1,,1.0000,0,0,0,0,0,0,1,0,0,0,,0.0000,0,0,0,0,0,0"), text);
    }

    @Test
    void aReportBeforeTheReorganisationRollsUpCommuneDistrictProvinceAndCanBeAskedInTheNewStructure() {
        UUID inCommune = UUID.randomUUID(), inDistrict = UUID.randomUUID(), elsewhere = UUID.randomUUID();
        Instant registered = local(OLD_REPORT_DAY.minusDays(3), 9, 0);
        try (Events events = new Events()) {
            // Closed a few days later, so that the other test's day (in 2026) does not count them.
            Instant closed = local(OLD_REPORT_DAY.plusDays(5), 9, 0);
            events.send(events.venue(inCommune, "Old commune", "10540", registered),
                    events.venue(inDistrict, "Old district", "290", registered),
                    events.venue(elsewhere, "Other province", "718", registered), Events.closed(inCommune, closed),
                    Events.closed(inDistrict, closed), Events.closed(elsewhere, closed));
        }
        String admin = TestTokens.admin();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertTrue(((Integer) row(report(admin, OLD_REPORT_DAY, "30", null), "10540").get("venuesRegistered")) >= 1));
        JsonPath old = report(admin, OLD_REPORT_DAY, "30", null);
        assertEquals("2025-03-01", old.getString("structure"), "the tree in force on 2025-06-20");
        assertEquals("commune, district, province", old.getString("structureLevels"));
        assertEquals("DISTRICT", row(old, "288").get("level"));
        assertEquals("288", row(old, "10540").get("parentCode"), "a commune of district 288");
        assertEquals(1, row(old, "10540").get("venuesRegistered"));
        assertEquals(1, notPlaced(old, "290").get("venuesRegistered"), "registered under district 290 itself");
        assertRollsUpExactly(old);
        assertEquals(1_892_254, ((Number) ((Map<?, ?>) row(old, "30").get("population")).get("count")).intValue(),
                "the seed figure of old Hải Dương (2019 census) until the province sets its own");

        JsonPath asNew = report(admin, OLD_REPORT_DAY, "31", "2025-07-01");
        assertEquals("2025-07-01", asNew.getString("structure"), "asked in the new structure");
        assertNull(row(asNew, "288"), "no districts in the new structure");
        assertRollsUpExactly(asNew);
        int oldHaiDuong = (Integer) row(old, "30").get("venuesRegistered");
        int oldHaiPhong = (Integer) row(report(admin, OLD_REPORT_DAY, "31", null), "31").get("venuesRegistered");
        assertEquals(oldHaiDuong + oldHaiPhong, row(asNew, "31").get("venuesRegistered"),
                "new 31 is old 30 and old 31 together");
        assertNull(row(old, "718"), "another province");
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
        // Across the reorganisation: new 31 covers old 30; a token still saying 30 does not cover new 31.
        given().auth().oauth2(TestTokens.healthOfficer("31")).when().get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=30")
                .then().statusCode(200).body("structure", equalTo("2025-03-01"));
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/reports/daily?date=" + D)
                .then().statusCode(200).body("adminUnitCode", equalTo("30")).body("structure", equalTo("2025-03-01"));
        given().auth().oauth2(TestTokens.healthOfficer("30")).when()
                .get("/api/v1/reports/daily?date=" + D + "&adminUnitCode=31&structure=2025-07-01")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/reports/daily?adminUnitCode=31&structure=2024-01-01")
                .then().statusCode(400).body("errors[0].field", equalTo("structure"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/reports/daily?adminUnitCode=288&structure=2025-07-01")
                .then().statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));
    }
}
