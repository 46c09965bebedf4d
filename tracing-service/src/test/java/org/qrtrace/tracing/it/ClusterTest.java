package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clusters: venues of a unit where two or more confirmed cases' own visits checked in within the last days, ranked,
 * scoped by jurisdiction across the 2025 reorganisation. The main data lives in Huế (46), and a case of Đà Nẵng (48),
 * provinces no other test writes venues to, so their lists can be asserted whole; the reorganisation's venue is in old
 * Quảng Trị (45, now in new Quảng Trị 44), where no other test writes either (DailyReportTest counts 30 and 31 whole),
 * asserted by its id. Visits lie on whole UTC days back from today at fixed hours, each at
 * least half a day away from the window edges it is asserted against, so the verdicts hold at any hour.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class ClusterTest {

    static final String OFFICER_46 = TestTokens.healthOfficer("46");
    static final String OFFICER_48 = TestTokens.healthOfficer("48");
    static final String OFFICER_44 = TestTokens.healthOfficer("44");
    static final String OFFICER_45 = TestTokens.healthOfficer("45");   // a token from before the reorganisation

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final UUID A = UUID.randomUUID();   // 19753 Phường Phú Xuân: three cases
    static final UUID B = UUID.randomUUID();   // 19774 Phường Kim Long: two cases, the latest visits
    static final UUID C = UUID.randomUUID();   // 19753: one case and someone who is not a case
    static final UUID D = UUID.randomUUID();   // 19774: two cases 16 days back only
    static final UUID X = UUID.randomUUID();   // old 19330 Phường Đông Giang (Quảng Trị 45), registered in June 2025
    static final String P1 = Events.randomPseudonym(), P2 = Events.randomPseudonym(), P3 = Events.randomPseudonym();
    static final String P4 = Events.randomPseudonym(), P5 = Events.randomPseudonym(), P6 = Events.randomPseudonym();
    static final String NOT_A_CASE = Events.randomPseudonym();
    static final Map<String, String> CASE_IDS = new HashMap<>();     // pseudonym -> case id
    static final Map<String, String> REFERENCES = new HashMap<>();   // pseudonym -> reference
    static boolean produced;

    @Inject
    AgroalDataSource dataSource;

    /** A UTC instant {@code daysBack} whole days before today at {@code hour:minute}. */
    static Instant at(int daysBack, int hour, int minute) {
        return TODAY.minusDays(daysBack).atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    static EventEnvelope visit(UUID venue, String pseudonym, Instant in, Instant autoOut) {
        return Events.checkIn(UUID.randomUUID(), venue, pseudonym, null, in, autoOut, List.of());
    }

    @BeforeEach
    void produceOnce() throws Exception {
        if (produced) {
            return;
        }
        UUID checkedOut = UUID.randomUUID();
        try (Events events = new Events()) {
            Instant registered = at(30, 8, 0);
            events.send(events.venue(A, "Chợ Đông Ba", "19753", registered),
                    events.venue(B, "Cà phê Kim Long", "19774", registered),
                    events.venue(C, "Nhà sách Phú Xuân", "19753", registered),
                    events.venue(D, "Nhà thuốc Kim Long", "19774", registered),
                    events.venue(X, "Quán Đông Giang", "19330", Instant.parse("2025-06-15T01:00:00Z")));
            events.send(
                    visit(A, P2, at(5, 12, 0), at(5, 13, 0)),
                    visit(A, P1, at(2, 9, 0), at(2, 10, 0)),
                    visit(A, NOT_A_CASE, at(2, 9, 30), at(2, 10, 30)),
                    visit(A, P3, at(2, 11, 0), at(2, 12, 0)),
                    visit(B, P1, at(4, 10, 0), at(4, 11, 0)),
                    Events.checkIn(checkedOut, B, P1, null, at(1, 10, 0), at(1, 12, 0), List.of()),
                    Events.checkOut(checkedOut, B, P1, at(1, 10, 45)),
                    // Still there: the automatic check-out is days ahead of now, whatever the hour.
                    visit(B, P4, at(1, 14, 0), at(1, 14, 0).plus(Duration.ofHours(60))),
                    visit(C, P2, at(2, 10, 0), at(2, 11, 0)),
                    visit(C, NOT_A_CASE, at(2, 10, 0), at(2, 11, 0)),
                    visit(D, P2, at(16, 10, 0), at(16, 11, 0)),
                    visit(D, P4, at(16, 11, 0), at(16, 12, 0)),
                    visit(X, P5, at(2, 9, 0), at(2, 10, 0)),
                    visit(X, P6, at(3, 9, 0), at(3, 10, 0)));
        }
        String all = Arrays.asList(P1, P2, P3, P4, P5, P6, NOT_A_CASE).stream().map(p -> "'" + p + "'")
                .collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertEquals(13, Db.number(dataSource, "SELECT count(*) FROM visit WHERE pseudonym IN (" + all + ")"));
            assertEquals(1, Db.number(dataSource, "SELECT count(*) FROM visit WHERE checkin_id = ? AND explicit_checkout",
                    checkedOut));
            assertEquals(5, Db.number(dataSource, "SELECT count(*) FROM venue WHERE venue_id IN (?, ?, ?, ?, ?)",
                    A, B, C, D, X));
        });
        open(OFFICER_46, P1, "46");
        open(OFFICER_46, P2, "19774");
        open(OFFICER_48, P3, "48");   // a case of Đà Nẵng who was at a venue of Huế: counts there
        open(OFFICER_46, P4, "46");
        open(OFFICER_44, P5, "44");
        open(OFFICER_44, P6, "44");
        produced = true;
    }

    static void open(String officer, String pseudonym, String unit) {
        String reference = "CL-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("caseReference", reference, "pseudonym", pseudonym,
                        "confirmedAt", at(1, 6, 0).toString(), "adminUnitCode", unit))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        CASE_IDS.put(pseudonym, id);
        REFERENCES.put(pseudonym, reference);
    }

    static JsonPath clusters(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/clusters" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    static List<String> venues(JsonPath json) {
        return json.getList("clusters.venueId", String.class);
    }

    static Map<String, Object> cluster(JsonPath json, UUID venue) {
        return json.getMap("clusters.find { it.venueId == '" + venue + "' }");
    }

    /** The cluster's cases as {@code reference -> [checkIn, checkOut, checkIn, checkOut, ...]}, in the answer's order. */
    @SuppressWarnings("unchecked")
    static List<Map.Entry<String, List<String>>> casesOf(Map<String, Object> cluster) {
        List<Map.Entry<String, List<String>>> out = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) cluster.get("cases")) {
            List<String> times = new ArrayList<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) c.get("visits")) {
                times.add((String) v.get("checkIn"));
                times.add((String) v.get("checkOut"));
            }
            out.add(Map.entry((String) c.get("reference"), times));
        }
        return out;
    }

    static Map.Entry<String, List<String>> caseVisits(String pseudonym, Instant... times) {
        return Map.entry(REFERENCES.get(pseudonym),
                Arrays.stream(times).map(t -> t == null ? null : t.toString()).collect(Collectors.toList()));
    }

    @Test
    void venuesWithTwoOrMoreCasesRankedByCasesThenLatestVisit() {
        Instant before = Instant.now();
        JsonPath json = clusters(OFFICER_46, "");
        Instant after = Instant.now();
        assertEquals("46", json.getString("adminUnitCode"), "the officer's jurisdiction by default");
        assertEquals(14, json.getInt("days"), "14 days by default");
        Instant from = Instant.parse(json.getString("from")), to = Instant.parse(json.getString("to"));
        assertFalse(to.isBefore(before.minusSeconds(1)) || to.isAfter(after.plusSeconds(1)), "to is now: " + to);
        assertEquals(Duration.ofDays(14), Duration.between(from, to));
        // B's visits are the latest, but A has more cases; C has one case, D's are 16 days old.
        assertEquals(List.of(A.toString(), B.toString()), venues(json));

        Map<String, Object> a = cluster(json, A);
        assertEquals("Chợ Đông Ba", a.get("venueName"));
        assertEquals("19753", a.get("adminUnitCode"));
        assertEquals("Phường Phú Xuân, Thành phố Huế", a.get("place"));
        assertEquals(3, a.get("caseCount"));
        assertEquals(3, a.get("visitCount"), "the index visits only, not the visitor who is not a case");
        assertEquals(at(5, 12, 0).toString(), a.get("firstVisit"));
        assertEquals(at(2, 11, 0).toString(), a.get("lastVisit"));
        assertEquals(List.of(caseVisits(P2, at(5, 12, 0), at(5, 13, 0)), caseVisits(P1, at(2, 9, 0), at(2, 10, 0)),
                        caseVisits(P3, at(2, 11, 0), at(2, 12, 0))), casesOf(a),
                "cases by their first visit, the case of Đà Nẵng included");
        assertEquals(CASE_IDS.get(P2), json.getString("clusters[0].cases[0].caseId"));
        assertEquals("OPEN", json.getString("clusters[0].cases[0].status"));

        Map<String, Object> b = cluster(json, B);
        assertEquals(2, b.get("caseCount"));
        assertEquals(3, b.get("visitCount"));
        assertEquals(at(4, 10, 0).toString(), b.get("firstVisit"));
        assertEquals(at(1, 14, 0).toString(), b.get("lastVisit"));
        assertEquals(List.of(caseVisits(P1, at(4, 10, 0), at(4, 11, 0), at(1, 10, 0), at(1, 10, 45)),
                        caseVisits(P4, at(1, 14, 0), null)), casesOf(b),
                "the automatic check-out once passed, the scanned one, none while still there");

        String body = given().auth().oauth2(OFFICER_46).when().get("/api/v1/clusters").then().statusCode(200)
                .extract().asString();
        for (String p : List.of(P1, P2, P3, P4, NOT_A_CASE)) {
            assertFalse(body.contains(p), "no pseudonym in the answer");
        }
        assertFalse(body.contains("pseudonym") || body.contains("phone"), body);
    }

    @Test
    void visitsOlderThanTheWindowDoNotCount() {
        JsonPath three = clusters(OFFICER_46, "?days=3");
        assertEquals(3, three.getInt("days"));
        assertEquals(Duration.ofDays(3), Duration.between(Instant.parse(three.getString("from")),
                Instant.parse(three.getString("to"))));
        // Both venues keep two cases; B's latest visit is later, so it now comes first.
        assertEquals(List.of(B.toString(), A.toString()), venues(three));
        Map<String, Object> a = cluster(three, A);
        assertEquals(2, a.get("caseCount"), "the visit 5 days back is outside the window");
        assertEquals(2, a.get("visitCount"));
        assertEquals(at(2, 9, 0).toString(), a.get("firstVisit"));
        assertEquals(List.of(caseVisits(P1, at(2, 9, 0), at(2, 10, 0)), caseVisits(P3, at(2, 11, 0), at(2, 12, 0))),
                casesOf(a));
        Map<String, Object> b = cluster(three, B);
        assertEquals(2, b.get("visitCount"), "the visit 4 days back is outside the window");
        assertEquals(at(1, 10, 0).toString(), b.get("firstVisit"));

        JsonPath twenty = clusters(OFFICER_46, "?days=20&adminUnitCode=46");
        assertEquals(List.of(A.toString(), B.toString(), D.toString()), venues(twenty), "D's visits 16 days back count "
                + "in 20 days; among two-case venues the latest visit first");
        Map<String, Object> d = cluster(twenty, D);
        assertEquals(2, d.get("caseCount"));
        assertEquals(List.of(caseVisits(P2, at(16, 10, 0), at(16, 11, 0)), caseVisits(P4, at(16, 11, 0), at(16, 12, 0))),
                casesOf(d));
        assertEquals(3, cluster(twenty, A).get("caseCount"));

        JsonPath commune = clusters(OFFICER_46, "?days=20&adminUnitCode=19774");
        assertEquals("19774", commune.getString("adminUnitCode"));
        assertEquals(List.of(B.toString(), D.toString()), venues(commune), "a commune: only its venues");
    }

    @Test
    void anotherProvincesOfficerSeesNoneOfIt() {
        given().auth().oauth2(OFFICER_48).when().get("/api/v1/clusters?adminUnitCode=46").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICER_48).when().get("/api/v1/clusters?adminUnitCode=19753").then().statusCode(403)
                .contentType("application/problem+json");
        JsonPath own = clusters(OFFICER_48, "?days=60");
        assertEquals("48", own.getString("adminUnitCode"));
        assertEquals(List.of(), venues(own), "their case was at a venue of Huế: a cluster of Huế, not of Đà Nẵng");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/clusters?adminUnitCode=46").then().statusCode(403);
        given().auth().oauth2(TestTokens.venueManager(A)).when().get("/api/v1/clusters").then().statusCode(403);
        given().when().get("/api/v1/clusters").then().statusCode(401);
    }

    @Test
    void aVenueRegisteredUnderOldCodesIsSeenByTheOfficerOfTheNewProvince() {
        JsonPath json = clusters(OFFICER_44, "");
        assertEquals("44", json.getString("adminUnitCode"));
        Map<String, Object> x = cluster(json, X);
        assertNotNull(x, "old 19330, registered in June 2025, lies in new 44: " + venues(json));
        assertEquals("19330", x.get("adminUnitCode"), "the code as the venue was given it");
        assertEquals("Phường Đông Giang, Thành phố Đông Hà, Tỉnh Quảng Trị (nay: Phường Đông Hà, Tỉnh Quảng Trị)",
                x.get("place"));
        assertEquals(2, x.get("caseCount"));
        assertEquals(List.of(caseVisits(P6, at(3, 9, 0), at(3, 10, 0)), caseVisits(P5, at(2, 9, 0), at(2, 10, 0))),
                casesOf(x));
        assertNotNull(cluster(clusters(OFFICER_44, "?adminUnitCode=45"), X), "44's officer asking for old 45");
        assertNotNull(cluster(clusters(OFFICER_44, "?adminUnitCode=19333"), X), "old 19330 went wholly into new 19333");
        assertNotNull(cluster(clusters(OFFICER_45, ""), X), "a token still saying 45 keeps seeing old Quảng Trị's venues");
        assertNull(cluster(clusters(OFFICER_44, "?adminUnitCode=19351"), X), "another commune of 44");
        assertFalse(venues(clusters(OFFICER_44, "?days=60")).contains(A.toString()), "nothing of Huế");
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        for (String days : List.of("0", "61", "-1", "abc", "1.5", "99999999999")) {
            given().auth().oauth2(OFFICER_46).when().get("/api/v1/clusters?days=" + days).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("days"));
        }
        for (String unit : List.of("abc", "1", "123456", "99999")) {
            given().auth().oauth2(OFFICER_46).when().get("/api/v1/clusters?adminUnitCode=" + unit).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("adminUnitCode"));
        }
        clusters(OFFICER_46, "?days=1");
        clusters(OFFICER_46, "?days=60");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyReadIsAuditedWithoutAPerson() {
        int found = venues(clusters(OFFICER_46, "?days=17")).size();
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        Map<String, Object> row = rows.stream().filter(r -> "CLUSTER_LIST".equals(r.get("action"))
                && String.valueOf(r.get("parameters")).contains("\"days\":17")).findFirst().orElseThrow();
        assertEquals("health-officer", row.get("role"));
        assertEquals("46", row.get("jurisdiction"));
        assertEquals(found, row.get("rowCount"));
        assertTrue(String.valueOf(row.get("parameters")).contains("\"adminUnitCode\":\"46\""), row.toString());
        assertNull(row.get("caseReference"));
        for (String p : List.of(P1, P2, P3, P4)) {
            assertFalse(String.valueOf(row).contains(p), "no pseudonym in the audit row");
        }
    }
}
