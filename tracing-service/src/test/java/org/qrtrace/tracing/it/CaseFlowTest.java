package org.qrtrace.tracing.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases opened, listed, read and chained; exposure queries run under a case's reference become its contacts (merged
 * across queries, never duplicated); contacts read with phones for the case's officer and followed up. Data lives in
 * Trà Vinh (84), a province no other test writes to, on two whole past UTC days: 19 days back (its contacts are
 * overdue) and 2 days back.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class CaseFlowTest {

    static final String INDEX_PHONE = "+84987654321";
    static final String OFFICER_84 = TestTokens.healthOfficer("84");
    static final String OFFICER_847 = TestTokens.healthOfficer("847");   // a district of 84
    static final String OFFICER_20 = TestTokens.healthOfficer("20");     // another province

    static final UUID O = UUID.randomUUID();   // district 847
    static final UUID R = UUID.randomUUID();   // district 847
    static final UUID S = UUID.randomUUID();   // district 848
    static final Instant OLD = LocalDate.now(ZoneOffset.UTC).minusDays(19).atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final Instant RECENT = LocalDate.now(ZoneOffset.UTC).minusDays(2).atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final String OLD_ONLY = Events.randomPseudonym();
    static final String P = Events.randomPseudonym();
    static final String Q = Events.randomPseudonym();
    static String indexPseudonym;
    static boolean produced;

    static Instant at(Instant day, int minutes) {
        return day.plus(Duration.ofMinutes(minutes));
    }

    @BeforeEach
    void produceOnce() {
        if (produced) {
            return;
        }
        try (Events events = new Events()) {
            indexPseudonym = events.pseudonymOf(INDEX_PHONE);
            Instant registered = OLD.minus(Duration.ofDays(1));
            events.send(events.venue(O, "Nhà văn hóa ấp", "847", registered), events.venue(R, "Quán ăn Bến Tre", "847", registered),
                    events.venue(S, "Chợ Cầu Ngang", "848", registered));
            events.send(
                    // 19 days back at O: the index, OLD_ONLY (F1) and P (F1)
                    Events.checkIn(UUID.randomUUID(), O, indexPseudonym, events.seal(INDEX_PHONE, "Ca bệnh"), at(OLD, 0), at(OLD, 60), List.of()),
                    Events.checkIn(UUID.randomUUID(), O, OLD_ONLY, events.seal("+84900000011", "Cũ"), at(OLD, 0), at(OLD, 60), List.of()),
                    Events.checkIn(UUID.randomUUID(), O, P, events.seal("+84900000012", "Phúc"), at(OLD, 15), at(OLD, 60), List.of()),
                    // 2 days back: the index and Q at R (F1); then Q and P at S (P is F2 through Q)
                    Events.checkIn(UUID.randomUUID(), R, indexPseudonym, events.seal(INDEX_PHONE, "Ca bệnh"), at(RECENT, 0), at(RECENT, 60), List.of()),
                    Events.checkIn(UUID.randomUUID(), R, Q, events.seal("+84900000013", "Quang"), at(RECENT, 0), at(RECENT, 60), List.of()),
                    Events.checkIn(UUID.randomUUID(), S, Q, events.seal("+84900000013", "Quang"), at(RECENT, 120), at(RECENT, 180), List.of()),
                    Events.checkIn(UUID.randomUUID(), S, P, events.seal("+84900000012", "Phúc"), at(RECENT, 120), at(RECENT, 180), List.of()));
        }
        produced = true;
    }

    static String reference() {
        return "TV-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> caseBody(String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseReference", reference);
        body.put("phone", "0987 654 321");
        body.put("confirmedAt", at(RECENT, -120).toString());
        body.put("adminUnitCode", "847");
        return body;
    }

    static Response post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/cases");
    }

    static String open(Map<String, Object> body) {
        return post(OFFICER_84, body).then().statusCode(201).extract().path("id");
    }

    /** Runs an exposure query under the reference, once the consumer has stored what it must find. */
    static void awaitQuery(String reference, Instant from, int expectedContacts) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertEquals(expectedContacts, given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON)
                        .body(Map.of("caseReference", reference, "phone", INDEX_PHONE, "from", from.toString(),
                                "to", at(RECENT, 600).toString(), "depth", 2))
                        .when().post("/api/v1/exposure-queries").then().statusCode(200).extract().jsonPath()
                        .getList("contacts").size()));
    }

    static JsonPath contacts(String token, String caseId) {
        return given().auth().oauth2(token).when().get("/api/v1/cases/" + caseId + "/contacts").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> contact(JsonPath json, String pseudonym) {
        return json.getMap("find { it.pseudonym == '" + pseudonym + "' }");
    }

    @Test
    void openByPhoneKeepsOnlyThePseudonymAndRefusesADuplicateReference() {
        String reference = reference();
        Response created = post(OFFICER_84, caseBody(reference));
        created.then().statusCode(201).body("caseReference", equalTo(reference)).body("status", equalTo("OPEN"))
                .body("pseudonym", equalTo(indexPseudonym)).body("adminUnitCode", equalTo("847"))
                .body("confirmedAt", equalTo(at(RECENT, -120).toString())).body("createdBy", notNullValue())
                .body("createdAt", notNullValue()).body("linkedFromCaseId", nullValue());
        assertFalse(created.asString().contains("987654321"), "the phone is not echoed");
        assertTrue(created.header("Location").endsWith("/api/v1/cases/" + created.path("id")));

        post(OFFICER_84, caseBody(reference)).then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseReference"));
        Map<String, Object> byPseudonym = caseBody(reference);
        byPseudonym.remove("phone");
        byPseudonym.put("pseudonym", P);
        post(OFFICER_84, byPseudonym).then().statusCode(409);

        JsonPath audit = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = audit.getList("rows");
        assertTrue(rows.stream().anyMatch(r -> "CASE_OPEN".equals(r.get("action")) && reference.equals(r.get("caseReference"))),
                "opening audited");
        assertTrue(rows.stream().noneMatch(r -> String.valueOf(r).contains("987654321")), "no phone in the audit log");
    }

    @Test
    void badInputNamesTheField() {
        Map<String, Object> neither = caseBody(reference());
        neither.remove("phone");
        post(OFFICER_84, neither).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("phone"));
        Map<String, Object> both = caseBody(reference());
        both.put("pseudonym", P);
        post(OFFICER_84, both).then().statusCode(400).body("errors[0].field", equalTo("pseudonym"));
        Map<String, Object> badPhone = caseBody(reference());
        badPhone.put("phone", "12");
        post(OFFICER_84, badPhone).then().statusCode(400).body("errors[0].field", equalTo("phone"));
        for (String unit : List.of("8x", "99999")) {
            Map<String, Object> badUnit = caseBody(reference());
            badUnit.put("adminUnitCode", unit);
            post(OFFICER_84, badUnit).then().statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));
        }
        Map<String, Object> noTime = caseBody(reference());
        noTime.remove("confirmedAt");
        post(OFFICER_84, noTime).then().statusCode(400).body("errors.field", hasItem("confirmedAt"));
        Map<String, Object> future = caseBody(reference());
        future.put("confirmedAt", Instant.now().plus(Duration.ofDays(1)).toString());
        post(OFFICER_84, future).then().statusCode(400).body("errors[0].field", equalTo("confirmedAt"));
        Map<String, Object> garbledTime = caseBody(reference());
        garbledTime.put("confirmedAt", "yesterday");
        post(OFFICER_84, garbledTime).then().statusCode(400).body("errors[0].field", equalTo("confirmedAt"));
        Map<String, Object> noReference = caseBody(reference());
        noReference.remove("caseReference");
        post(OFFICER_84, noReference).then().statusCode(400).body("errors.field", hasItem("caseReference"));
        Map<String, Object> unknownLink = caseBody(reference());
        unknownLink.put("linkedFromCaseId", UUID.randomUUID().toString());
        post(OFFICER_84, unknownLink).then().statusCode(400).body("errors[0].field", equalTo("linkedFromCaseId"));
    }

    @Test
    void onlyOfficersCoveringTheUnitOpenListAndReadACase() {
        post(OFFICER_20, caseBody(reference())).then().statusCode(403).contentType("application/problem+json");
        post(TestTokens.admin(), caseBody(reference())).then().statusCode(403);
        String id = open(caseBody(reference()));
        given().auth().oauth2(OFFICER_20).when().get("/api/v1/cases/" + id).then().statusCode(403);
        given().auth().oauth2(OFFICER_20).when().get("/api/v1/cases/" + id + "/chain").then().statusCode(403);
        given().auth().oauth2(OFFICER_20).when().get("/api/v1/cases/" + id + "/contacts").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/cases/" + id).then().statusCode(403);
        given().auth().oauth2(OFFICER_20).when().get("/api/v1/cases?adminUnitCode=84").then().statusCode(403);
        given().auth().oauth2(OFFICER_847).when().get("/api/v1/cases/" + id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404);
        given().when().get("/api/v1/cases/" + id).then().statusCode(401);
    }

    @Test
    void anOfficerOfTheProvinceTrAVinhWentIntoSeesItsCasesAndContacts() {
        // Since 2025-07-01 Trà Vinh (84) is part of Vĩnh Long (86): a case opened under district 847 of the old list is
        // the new province's officer's too, read, listed and followed up; an officer of another province still sees none.
        String officer86 = TestTokens.healthOfficer("86");
        String id = open(caseBody(reference()));
        given().auth().oauth2(officer86).when().get("/api/v1/cases/" + id).then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(officer86).when().get("/api/v1/cases").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(officer86).when().get("/api/v1/cases?adminUnitCode=847").then().statusCode(200)
                .body("id", hasItem(id));
        given().auth().oauth2(officer86).when().get("/api/v1/cases/" + id + "/contacts").then().statusCode(200);
        given().auth().oauth2(officer86).contentType(ContentType.JSON).body(caseBody(reference())).when()
                .post("/api/v1/cases").then().statusCode(201);
        given().auth().oauth2(OFFICER_20).when().get("/api/v1/cases?adminUnitCode=86").then().statusCode(403);
        given().auth().oauth2(TestTokens.healthOfficer("99999")).when().get("/api/v1/cases").then().statusCode(403);
    }

    @Test
    void listFiltersByUnitAndStatus() {
        String id = open(caseBody(reference()));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(OFFICER_847).when().get("/api/v1/cases").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases?adminUnitCode=847&status=OPEN").then().statusCode(200)
                .body("id", hasItem(id));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases?adminUnitCode=848").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases?status=CLOSED").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases?status=open").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases?adminUnitCode=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("adminUnitCode"));
        given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases?adminUnitCode=99999").then().statusCode(400)
                .body("errors[0].field", equalTo("adminUnitCode"));
        given().auth().oauth2(OFFICER_847).when().get("/api/v1/cases?adminUnitCode=848").then().statusCode(403);
    }

    @Test
    void chainShowsTheTreeFromItsRoot() {
        String first = open(caseBody(reference()));
        Map<String, Object> second = caseBody(reference());
        second.remove("phone");
        second.put("pseudonym", Q);
        second.put("adminUnitCode", "848");
        second.put("linkedFromCaseId", first);
        String secondId = post(OFFICER_84, second).then().statusCode(201).body("linkedFromCaseId", equalTo(first))
                .extract().path("id");
        Map<String, Object> third = caseBody(reference());
        third.remove("phone");
        third.put("pseudonym", P);
        third.put("linkedFromCaseId", secondId);
        String thirdId = open(third);
        Map<String, Object> sibling = caseBody(reference());
        sibling.remove("phone");
        sibling.put("pseudonym", OLD_ONLY);
        sibling.put("linkedFromCaseId", first);
        String siblingId = open(sibling);

        JsonPath chain = given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases/" + thirdId + "/chain")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(first, chain.getString("id"));
        assertEquals(List.of(secondId, siblingId).stream().sorted().toList(),
                chain.<String>getList("children.id").stream().sorted().toList());
        Map<String, Object> secondNode = chain.getMap("children.find { it.id == '" + secondId + "' }");
        assertEquals(thirdId, ((List<Map<String, Object>>) secondNode.get("children")).get(0).get("id"));
        assertEquals(second.get("caseReference"), secondNode.get("caseReference"));
        assertTrue(chain.getString("confirmedAt") != null);
        assertNull(chain.get("pseudonym"), "no person in a chain");
        // the chain reads the same from any of its cases
        assertEquals(first, given().auth().oauth2(OFFICER_84).when().get("/api/v1/cases/" + first + "/chain")
                .then().statusCode(200).extract().path("id"));
    }

    @Test
    void queriesUnderTheReferenceBecomeTheCasesContactsWhichAreFollowedUp() {
        String reference = reference();
        String caseId = open(caseBody(reference));
        // 2 days back only: Q is F1 (at R), P is F2 (at S, through Q)
        awaitQuery(reference, at(RECENT, -60), 2);
        JsonPath first = contacts(OFFICER_84, caseId);
        assertEquals(List.of("F1:" + Q, "F2:" + P), tiers(first));
        // from 19 days back: OLD_ONLY and P are F1 at O; P's F2 overlap at S is kept, its tier upgraded
        awaitQuery(reference, at(OLD, -60), 3);
        awaitQuery(reference, at(OLD, -60), 3);   // the same query again adds nothing
        JsonPath all = contacts(OFFICER_84, caseId);
        assertEquals(List.of("F1:" + OLD_ONLY, "F1:" + P, "F1:" + Q), tiers(all), "one contact per person, F1 wins");

        Map<String, Object> p = contact(all, P);
        assertEquals(at(OLD, 15).toString(), p.get("firstExposure"), "the earliest first exposure is kept");
        assertEquals(at(RECENT, 180).toString(), p.get("lastExposure"));
        List<Map<String, Object>> pVenues = (List<Map<String, Object>>) p.get("venues");
        assertEquals(List.of(O.toString(), S.toString()), pVenues.stream().map(v -> v.get("venueId")).toList());
        assertEquals("Nhà văn hóa ấp", pVenues.get(0).get("venueName"));
        assertEquals(45, pVenues.get(0).get("minutes"));
        assertEquals("+84900000012", p.get("phone"), "the province's officer covers every venue");
        assertEquals(at(RECENT, 180).plus(Duration.ofDays(14)).toString(), p.get("followUntil"));
        assertEquals(false, p.get("overdue"));

        Map<String, Object> q = contact(all, Q);
        assertEquals(1, ((List<?>) q.get("venues")).size(), "an overlap found twice is kept once");
        Map<String, Object> old = contact(all, OLD_ONLY);
        assertEquals(at(OLD, 60).plus(Duration.ofDays(14)).toString(), old.get("followUntil"));
        assertEquals(true, old.get("overdue"), "last exposure 19 days back, no final status");
        assertNull(((Map<String, Object>) old.get("followUp")).get("status"));
        assertEquals("+84900000011", old.get("phone"));

        // the district officer covers the case but not P's venue at S (district 848): P's phone stays closed
        JsonPath district = contacts(OFFICER_847, caseId);
        assertNull(contact(district, P).get("phone"));
        assertEquals("+84900000013", contact(district, Q).get("phone"));

        String oldId = (String) old.get("contactId");
        String path = "/api/v1/cases/" + caseId + "/contacts/" + oldId;
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("status", "REACHED", "note", "Gọi được"))
                .when().patch(path).then().statusCode(200).body("followUp.status", equalTo("REACHED"))
                .body("followUp.note", equalTo("Gọi được")).body("followUp.updatedAt", notNullValue())
                .body("overdue", equalTo(true)).body("phone", equalTo("+84900000011"));
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("status", "TESTED_NEGATIVE"))
                .when().patch(path).then().statusCode(200).body("followUp.status", equalTo("TESTED_NEGATIVE"))
                .body("overdue", equalTo(false));
        assertEquals("TESTED_NEGATIVE", ((Map<String, Object>) contact(contacts(OFFICER_84, caseId), OLD_ONLY)
                .get("followUp")).get("status"));

        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("status", "CURED"))
                .when().patch(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("note", "x"))
                .when().patch(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("status", "REACHED", "note", "x".repeat(501)))
                .when().patch(path).then().statusCode(400).body("errors[0].field", equalTo("note"));
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("status", "REACHED"))
                .when().patch("/api/v1/cases/" + caseId + "/contacts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(OFFICER_84).contentType(ContentType.JSON).body(Map.of("status", "REACHED"))
                .when().patch("/api/v1/cases/" + UUID.randomUUID() + "/contacts/" + oldId).then().statusCode(404);
        given().auth().oauth2(OFFICER_20).contentType(ContentType.JSON).body(Map.of("status", "REACHED"))
                .when().patch(path).then().statusCode(403);

        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        assertTrue(rows.stream().anyMatch(r -> "CASE_CONTACTS_READ".equals(r.get("action"))
                && reference.equals(r.get("caseReference")) && Integer.valueOf(3).equals(r.get("rowCount"))), "reads audited");
        assertTrue(rows.stream().anyMatch(r -> "CASE_CONTACT_FOLLOW_UP".equals(r.get("action"))
                && ((String) r.get("parameters")).contains(oldId)), "follow-up audited");
        assertTrue(rows.stream().noneMatch(r -> String.valueOf(r).contains("+849")), "no phone in the audit log");
    }

    @Test
    void aQueryOutsideTheCasesJurisdictionDoesNotFeedIt() {
        String reference = reference();
        String caseId = open(caseBody(reference));
        awaitQuery(reference, at(RECENT, -60), 2);
        // Lạng Sơn's officer runs a query under the same reference: it sees nothing of Trà Vinh and records nothing
        given().auth().oauth2(OFFICER_20).contentType(ContentType.JSON)
                .body(Map.of("caseReference", reference, "phone", INDEX_PHONE, "from", at(OLD, -60).toString(),
                        "to", at(RECENT, 600).toString(), "depth", 2))
                .when().post("/api/v1/exposure-queries").then().statusCode(200);
        assertEquals(2, contacts(OFFICER_84, caseId).getList("$").size());
    }

    static List<String> tiers(JsonPath json) {
        return json.<Map<String, Object>>getList("$").stream().map(c -> c.get("tier") + ":" + c.get("pseudonym")).toList();
    }
}
