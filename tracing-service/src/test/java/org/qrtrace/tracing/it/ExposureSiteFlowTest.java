package org.qrtrace.tracing.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qrtrace.events.ExposureSitePublished;
import org.qrtrace.events.ExposureSiteWithdrawn;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exposure sites end to end: officers publish and withdraw them, anyone reads the list (JSON, with ETag and CORS) and
 * the page, and tracing.events carries what happened, read back with a real consumer. Data in Tây Ninh (72), where no
 * other test writes; windows are hours before the service clock's now, so the verdict is the same at any hour.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "tracing"))
class ExposureSiteFlowTest {

    static final String OFFICER_72 = TestTokens.healthOfficer("72");
    static final String OFFICER_705 = TestTokens.healthOfficer("705");   // a district of 72
    static final String OFFICER_20 = TestTokens.healthOfficer("20");     // another province
    static final String FEED = "/api/v1/exposure-sites";
    static final Set<String> PUBLIC_FIELDS = Set.of("id", "venueId", "venueName", "address", "adminUnitCode", "place", "from",
            "to", "advice", "publishedAt");

    static final UUID MARKET = UUID.randomUUID();     // 703, Thành phố Tây Ninh
    static final UUID EATERY = UUID.randomUUID();     // 705, Huyện Tân Biên
    static final UUID ELSEWHERE = UUID.randomUUID();  // 178, Lạng Sơn
    static final String PSEUDONYM = Events.randomPseudonym();
    static String caseId;        // unit 703
    static String caseReference;
    static String districtCaseId; // unit 705
    static boolean arranged;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @BeforeEach
    void arrangeOnce() throws SQLException {
        if (arranged) {
            return;
        }
        Instant registered = clock.instant().minus(Duration.ofDays(30));
        try (Events events = new Events()) {
            events.send(events.venue(MARKET, "Chợ Long Hoa", "703", registered),
                    events.venue(EATERY, "Quán cơm Tân Biên", "705", registered),
                    events.venue(ELSEWHERE, "Chợ Đông Kinh", "178", registered));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> Db.number(dataSource,
                "SELECT count(*) FROM venue WHERE venue_id IN (?, ?, ?)", MARKET, EATERY, ELSEWHERE) == 3);
        caseReference = "TN-" + UUID.randomUUID().toString().substring(0, 8);
        caseId = openCase(caseReference, "703");
        districtCaseId = openCase("TN-" + UUID.randomUUID().toString().substring(0, 8), "705");
        arranged = true;
    }

    static String openCase(String reference, String unit) {
        return given().auth().oauth2(OFFICER_72).contentType(ContentType.JSON)
                .body(Map.of("caseReference", reference, "pseudonym", PSEUDONYM, "adminUnitCode", unit,
                        "confirmedAt", Instant.now().minus(Duration.ofHours(1)).toString()))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    /** A window of 90 minutes ending {@code hoursBack} hours before now (whole minutes). */
    Map<String, Object> site(String caseId, UUID venue, int hoursBack) {
        Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(hoursBack));
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("venueId", venue.toString());
        body.put("from", to.minus(Duration.ofMinutes(90)).toString());
        body.put("to", to.toString());
        return body;
    }

    static Response publish(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(FEED);
    }

    static Response withdraw(String token, String id) {
        return given().auth().oauth2(token).when().delete(FEED + "/" + id);
    }

    long count(String sql) throws SQLException {
        return Db.number(dataSource, sql);
    }

    static List<Long> asList(long[] counts) {
        return List.of(counts[0], counts[1], counts[2]);
    }

    /** Rows an attempt could have written: sites, outbox events, audit entries. */
    long[] written() throws SQLException {
        return new long[] {count("SELECT count(*) FROM exposure_site"), count("SELECT count(*) FROM outbox_event"),
                count("SELECT count(*) FROM audit_log")};
    }

    @Test
    void aPublishedSiteIsListedForAnyoneWithoutNamingTheCase() {
        Map<String, Object> body = site(caseId, MARKET, 3);
        body.put("advice", "Người đến chợ trong khung giờ này hãy xét nghiệm nhanh.\r\nGọi trạm y tế phường.");
        Response created = publish(OFFICER_72, body);
        created.then().statusCode(201).body("caseId", equalTo(caseId)).body("venueId", equalTo(MARKET.toString()))
                .body("venueName", equalTo("Chợ Long Hoa")).body("address", equalTo("1 Test St"))
                .body("adminUnitCode", equalTo("703")).body("from", equalTo(body.get("from")))
                .body("to", equalTo(body.get("to"))).body("publishedBy", notNullValue()).body("withdrawnAt", equalTo(null));
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(FEED + "/" + id));

        Response feed = given().header("Accept-Encoding", "gzip").when().get(FEED);
        feed.then().statusCode(200).contentType(ContentType.JSON)
                .header("Content-Encoding", nullValue())   // the strong ETag is that of the bytes sent
                .header("Cache-Control", "public, max-age=60")
                .header("Access-Control-Allow-Origin", "*")
                .header("ETag", startsWith("\""))
                .body("generatedAt", notNullValue())
                .body("sites.id", hasItem(id));
        Map<String, Object> listed = feed.jsonPath().getMap("sites.find { it.id == '" + id + "' }");
        assertEquals(PUBLIC_FIELDS, listed.keySet());
        assertEquals("Chợ Long Hoa", listed.get("venueName"));
        assertEquals("1 Test St", listed.get("address"));
        assertEquals("703", listed.get("adminUnitCode"));
        assertEquals(body.get("from"), listed.get("from"));
        assertEquals("Người đến chợ trong khung giờ này hãy xét nghiệm nhanh.\nGọi trạm y tế phường.", listed.get("advice"));
        String text = feed.asString();
        for (String secret : List.of(caseId, caseReference, PSEUDONYM, created.<String>path("publishedBy"))) {
            assertFalse(text.contains(secret), "the public list names " + secret);
        }
        assertFalse(text.contains("caseId") || text.contains("pseudonym") || text.contains("caseReference"), text);

        // Unchanged: the same bytes and tag; revalidation answers 304 with no body, still readable from any origin.
        String etag = feed.header("ETag");
        Response again = given().when().get(FEED);
        assertEquals(etag, again.header("ETag"));
        assertEquals(text, again.asString());
        Response notModified = given().header("If-None-Match", etag).when().get(FEED);
        notModified.then().statusCode(304).header("ETag", etag).header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=60");
        assertEquals("", notModified.asString());
        given().header("If-None-Match", "\"stale\"").when().get(FEED).then().statusCode(200);
        // Only this answer is readable from other origins: the officers' APIs are not.
        assertNull(given().auth().oauth2(OFFICER_72).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .extract().header("Access-Control-Allow-Origin"));
    }

    @Test
    void withoutAdviceTheListShowsTheDefaultInTheAskedLanguage() {
        String id = publish(OFFICER_72, site(caseId, EATERY, 4)).then().statusCode(201).body("advice", equalTo(null))
                .extract().path("id");
        String vi = given().when().get(FEED).jsonPath().getString("sites.find { it.id == '" + id + "' }.advice");
        String en = given().queryParam("lang", "en").when().get(FEED).jsonPath()
                .getString("sites.find { it.id == '" + id + "' }.advice");
        assertTrue(vi.startsWith("Nếu bạn đã ở đây"), vi);
        assertTrue(en.startsWith("If you were here"), en);
    }

    @Test
    void publishingTheSameCaseVenueAndWindowAgainAnswersTheSameSite() throws SQLException {
        Map<String, Object> body = site(caseId, MARKET, 5);
        String id = publish(OFFICER_72, body).then().statusCode(201).extract().path("id");
        long[] before = written();
        body.put("advice", "another text: the first one stays");
        Response second = publish(OFFICER_72, body);
        second.then().statusCode(200).body("id", equalTo(id)).body("advice", equalTo(null));
        assertEquals(before[0], count("SELECT count(*) FROM exposure_site"), "no second site");
        assertEquals(before[1], count("SELECT count(*) FROM outbox_event"), "no second event");
        assertEquals(1, Db.number(dataSource, "SELECT count(*) FROM exposure_site WHERE case_id = ?::uuid AND venue_id = ? "
                + "AND window_to = ?::timestamptz", caseId, MARKET, body.get("to")));
        assertEquals(1, Db.number(dataSource, "SELECT count(*) FROM outbox_event WHERE event_type = 'ExposureSitePublished' "
                + "AND convert_from(payload, 'UTF8') LIKE ?", "%" + id + "%"));
    }

    @Test
    void aWithdrawnSiteLeavesTheListAndIsWithdrawnOnTheTopicOnce() throws SQLException {
        String id = publish(OFFICER_72, site(caseId, MARKET, 6)).then().statusCode(201).extract().path("id");
        given().when().get(FEED).then().body("sites.id", hasItem(id));
        withdraw(OFFICER_72, id).then().statusCode(204);
        given().when().get(FEED).then().statusCode(200).body("sites.id", not(hasItem(id)));
        long events = count("SELECT count(*) FROM outbox_event");
        withdraw(OFFICER_72, id).then().statusCode(204);
        assertEquals(events, count("SELECT count(*) FROM outbox_event"), "withdrawing again writes no event");

        try (TracingTopic topic = new TracingTopic()) {
            TracingTopic.Received published = topic.awaitEvents(e -> e.payload() instanceof ExposureSitePublished p
                    && p.siteId().toString().equals(id), 1).get(0);
            ExposureSitePublished p = (ExposureSitePublished) published.event().payload();
            assertEquals(MARKET, p.venueId());
            assertEquals("Chợ Long Hoa", p.venueName());
            assertEquals("703", p.adminUnitCode());
            assertEquals(MARKET.toString(), published.key());
            assertEquals("tracing-service", published.event().producer());
            for (String secret : List.of(caseId, caseReference, PSEUDONYM, "caseId", "pseudonym", "phone")) {
                assertFalse(published.json().contains(secret), published.json());
            }
            topic.awaitEvents(e -> e.payload() instanceof ExposureSiteWithdrawn w && w.siteId().toString().equals(id), 1);
            // Everything relayed by now: still one withdrawal.
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
            List<TracingTopic.Received> withdrawn = topic.poll().stream()
                    .filter(r -> r.event().payload() instanceof ExposureSiteWithdrawn w && w.siteId().toString().equals(id)).toList();
            assertEquals(1, withdrawn.size());
            assertEquals(MARKET, withdrawn.get(0).event().payload().venueId());
        }
        JsonPath audit = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = audit.getList("rows");
        assertTrue(rows.stream().anyMatch(r -> "EXPOSURE_SITE_PUBLISH".equals(r.get("action"))
                && String.valueOf(r.get("parameters")).contains(id)), "publishing audited");
        assertEquals(2, rows.stream().filter(r -> "EXPOSURE_SITE_WITHDRAW".equals(r.get("action"))
                && String.valueOf(r.get("parameters")).contains(id)).count(), "both withdrawals audited");
    }

    /** What the console lists on a case's page: its sites, withdrawn ones marked, for officers who may read the case. */
    @Test
    void aCaseListsItsSitesWithdrawnOnesTooForOfficersWhoMayReadIt() {
        String ownCase = openCase("TN-" + UUID.randomUUID().toString().substring(0, 8), "703");
        String path = "/api/v1/cases/" + ownCase + "/exposure-sites";
        given().auth().oauth2(OFFICER_72).when().get(path).then().statusCode(200).body("size()", equalTo(0));
        String older = publish(OFFICER_72, site(ownCase, MARKET, 12)).then().statusCode(201).extract().path("id");
        String newer = publish(OFFICER_72, site(ownCase, MARKET, 11)).then().statusCode(201).extract().path("id");
        withdraw(OFFICER_72, older).then().statusCode(204);

        JsonPath listed = given().auth().oauth2(OFFICER_72).when().get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(newer, older), listed.getList("id"), "newest publication first");
        assertEquals(List.of("Chợ Long Hoa", "Chợ Long Hoa"), listed.getList("venueName"));
        assertNull(listed.get("[0].withdrawnAt"));
        assertNotNull(listed.get("[1].withdrawnAt"));
        assertEquals(ownCase, listed.getString("[0].caseId"));

        given().auth().oauth2(OFFICER_20).when().get(path).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get(path).then().statusCode(403);
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(OFFICER_72).when().get("/api/v1/cases/" + UUID.randomUUID() + "/exposure-sites")
                .then().statusCode(404).contentType("application/problem+json");
        List<Map<String, Object>> audit = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/audit?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("rows");
        assertTrue(audit.stream().anyMatch(r -> "CASE_SITES_READ".equals(r.get("action"))
                && String.valueOf(r.get("parameters")).contains(ownCase) && Integer.valueOf(2).equals(r.get("rowCount"))),
                "the read audited with its count");
    }

    @Test
    void officersOutsideTheJurisdictionAreRefusedAndNothingIsWritten() throws SQLException {
        long[] before = written();
        publish(OFFICER_20, site(caseId, MARKET, 7)).then().statusCode(403).contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseId"));
        // The district officer may read the district's case, not a venue in another district.
        publish(OFFICER_705, site(districtCaseId, MARKET, 7)).then().statusCode(403)
                .body("errors[0].field", equalTo("venueId"));
        // The province officer may not publish a venue of another province.
        publish(OFFICER_72, site(caseId, ELSEWHERE, 7)).then().statusCode(403).body("errors[0].field", equalTo("venueId"));
        assertEquals(asList(before), asList(written()));

        String id = publish(OFFICER_72, site(caseId, MARKET, 8)).then().statusCode(201).extract().path("id");
        withdraw(OFFICER_20, id).then().statusCode(403).contentType("application/problem+json");
        withdraw(OFFICER_705, id).then().statusCode(403);
        given().when().get(FEED).then().body("sites.id", hasItem(id));
        assertEquals(0, Db.number(dataSource, "SELECT count(*) FROM exposure_site WHERE id = ?::uuid AND withdrawn_at IS NOT NULL", id));
        // The district officer publishes in the district.
        publish(OFFICER_705, site(districtCaseId, EATERY, 8)).then().statusCode(201);
    }

    @Test
    void badFieldsAreNamedAndNothingIsWritten() throws SQLException {
        long[] before = written();
        for (String field : List.of("caseId", "venueId", "from", "to")) {
            Map<String, Object> missing = site(caseId, MARKET, 9);
            missing.remove(field);
            publish(OFFICER_72, missing).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
        }
        Map<String, Object> reversed = site(caseId, MARKET, 9);
        reversed.put("from", reversed.get("to"));
        publish(OFFICER_72, reversed).then().statusCode(400).body("errors[0].field", equalTo("to"));
        Map<String, Object> tooLong = site(caseId, MARKET, 9);
        tooLong.put("from", Instant.parse((String) tooLong.get("to")).minus(Duration.ofDays(14)).minusSeconds(60).toString());
        publish(OFFICER_72, tooLong).then().statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("14 days"));
        Map<String, Object> future = site(caseId, MARKET, -2);
        publish(OFFICER_72, future).then().statusCode(400).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("future"));
        Map<String, Object> tooOld = site(caseId, MARKET, 15 * 24);
        publish(OFFICER_72, tooOld).then().statusCode(400).body("errors[0].field", equalTo("to"));
        Map<String, Object> garbled = site(caseId, MARKET, 9);
        garbled.put("from", "yesterday");
        publish(OFFICER_72, garbled).then().statusCode(400).body("errors[0].field", equalTo("from"));
        Map<String, Object> longAdvice = site(caseId, MARKET, 9);
        longAdvice.put("advice", "x".repeat(501));
        publish(OFFICER_72, longAdvice).then().statusCode(400).body("errors[0].field", equalTo("advice"));
        Map<String, Object> hugeAdvice = site(caseId, MARKET, 9);
        hugeAdvice.put("advice", "x".repeat(1_500_000));   // under the 2 MB body limit: refused by the rules, not a crash
        publish(OFFICER_72, hugeAdvice).then().statusCode(400).body("errors[0].field", equalTo("advice"));
        Map<String, Object> markup = site(caseId, MARKET, 9);
        markup.put("advice", "<script>alert(1)</script>");
        publish(OFFICER_72, markup).then().statusCode(400).body("errors[0].field", equalTo("advice"));
        Map<String, Object> unknownCase = site(UUID.randomUUID().toString(), MARKET, 9);
        publish(OFFICER_72, unknownCase).then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("caseId"));
        Map<String, Object> unknownVenue = site(caseId, UUID.randomUUID(), 9);
        publish(OFFICER_72, unknownVenue).then().statusCode(404).body("errors[0].field", equalTo("venueId"));
        given().auth().oauth2(OFFICER_72).contentType(ContentType.JSON).body("{").when().post(FEED).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(asList(before), asList(written()));

        given().queryParam("adminUnitCode", "7x").when().get(FEED).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("adminUnitCode"));
        given().queryParam("adminUnitCode", "99999").when().get(FEED).then().statusCode(400)
                .body("errors[0].field", equalTo("adminUnitCode"));
        given().queryParam("lang", "fr").when().get(FEED).then().statusCode(400).body("errors[0].field", equalTo("lang"));
        withdraw(OFFICER_72, UUID.randomUUID().toString()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void adminsAndAnonymousCallersNeitherPublishNorWithdraw() throws SQLException {
        String id = publish(OFFICER_72, site(caseId, EATERY, 10)).then().statusCode(201).extract().path("id");
        long[] before = written();
        publish(TestTokens.admin(), site(caseId, MARKET, 10)).then().statusCode(403).contentType("application/problem+json");
        withdraw(TestTokens.admin(), id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(site(caseId, MARKET, 10)).when().post(FEED).then().statusCode(401);
        given().when().delete(FEED + "/" + id).then().statusCode(401);
        publish(TestTokens.venueManager(MARKET), site(caseId, MARKET, 10)).then().statusCode(403);
        assertEquals(asList(before), asList(written()));
    }

    @Test
    void theListFiltersByUnitAndItsSubtree() {
        String id = publish(OFFICER_72, site(caseId, MARKET, 11)).then().statusCode(201).extract().path("id");
        for (String unit : List.of("72", "703")) {
            given().queryParam("adminUnitCode", unit).when().get(FEED).then().statusCode(200).body("sites.id", hasItem(id));
        }
        for (String unit : List.of("705", "20", "30")) {
            given().queryParam("adminUnitCode", unit).when().get(FEED).then().statusCode(200).body("sites.id", not(hasItem(id)));
        }
    }

    @Test
    void thePublicPageRendersInVietnameseAndEnglish() throws Exception {
        Map<String, Object> body = site(caseId, MARKET, 12);
        body.put("advice", "Xét nghiệm nhanh tại trạm y tế phường IV.");
        publish(OFFICER_72, body).then().statusCode(201);
        String from = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(Instant.parse((String) body.get("from")));

        Response vi = given().when().get("/exposure-sites");
        vi.then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "public, max-age=60")
                .header("ETag", startsWith("\""))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", startsWith("default-src 'none'; style-src 'sha256-"));
        String csp = vi.header("Content-Security-Policy");
        assertFalse(csp.contains("script-src") || csp.contains("unsafe"), csp);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(vi.asString());
        assertTrue(style.find(), "one inline stylesheet");
        String styleHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.contains("style-src 'sha256-" + styleHash + "'"), "the policy admits exactly the page's stylesheet");
        assertNull(vi.header("Access-Control-Allow-Origin"), "the page is not data for other origins");
        String html = vi.asString();
        assertTrue(html.contains("<html lang=\"vi\">"), html);
        assertTrue(html.contains("Chợ Long Hoa"));
        assertTrue(html.contains("1 Test St"));
        assertTrue(html.contains("Thành phố Tây Ninh, Tỉnh Tây Ninh"));
        assertTrue(html.contains(from), "the window in local time: " + from);
        assertTrue(html.contains("Xét nghiệm nhanh tại trạm y tế phường IV."));
        assertTrue(html.contains("Hệ thống không biết ai đã đến"));
        assertTrue(html.contains("href=\"?lang=en\""), "a link to the English page");
        assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"), "nothing external");
        assertFalse(html.contains(caseId) || html.contains(caseReference) || html.contains(PSEUDONYM));
        given().header("If-None-Match", vi.header("ETag")).when().get("/exposure-sites").then().statusCode(304);

        String en = given().queryParam("lang", "en").when().get("/exposure-sites").then().statusCode(200).extract().asString();
        assertTrue(en.contains("<html lang=\"en\">"));
        assertTrue(en.contains("Chợ Long Hoa"));
        assertTrue(en.contains("The system does not know who visited"));
        assertTrue(en.contains("href=\"?lang=vi\""), "a link back to the Vietnamese page");
        String area = given().queryParam("adminUnitCode", "703").when().get("/exposure-sites").then().statusCode(200)
                .extract().asString();
        assertTrue(area.contains("Thành phố Tây Ninh") && area.contains("Chợ Long Hoa") && area.contains("adminUnitCode=703"));
        String none = given().queryParam("adminUnitCode", "20").when().get("/exposure-sites").then().statusCode(200)
                .extract().asString();
        assertTrue(none.contains("Hiện không có địa điểm nào") && !none.contains("Chợ Long Hoa"), none);
        given().queryParam("adminUnitCode", "x").when().get("/exposure-sites").then().statusCode(400)
                .contentType("application/problem+json");

        // Kept for a look in a browser (e.g. headless Chromium at a phone's and a desktop's size).
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "exposure-sites-vi.html"), html, StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "exposure-sites-en.html"), en, StandardCharsets.UTF_8);
    }
}
