package org.qrtrace.console.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages rendered against a WireMock tracing-service, signed in by {@code @TestSecurity}: headers (CSP without inline
 * script, no framing), CSRF refusal, form errors shown without calling the service, the service's problem+json shown
 * readably, languages.
 */
@QuarkusTest
@QuarkusTestResource(WireMockTracing.class)
class PagesTest {

    static final String CASE_ID = "10000000-0000-4000-8000-000000000000";
    static final String SITE_LISTED = "50000000-0000-4000-8000-000000000001";
    static final String SITE_WITHDRAWN = "50000000-0000-4000-8000-000000000002";
    static final String SITES = """
            [{"id":"%s","caseId":"%s","venueId":"00000000-0000-4000-8000-000000000001","venueName":"Chợ Hải Tân",
              "address":"Hải Tân","adminUnitCode":"10507","from":"2026-12-01T01:00:00Z","to":"2026-12-01T02:30:00Z",
              "advice":null,"publishedAt":"2026-12-02T03:00:00Z","publishedBy":"officer-hd","withdrawnAt":null},
             {"id":"%s","caseId":"%s","venueId":"00000000-0000-4000-8000-000000000001","venueName":"Chợ Hải Tân",
              "address":"Hải Tân","adminUnitCode":"10507","from":"2026-11-30T01:00:00Z","to":"2026-11-30T02:00:00Z",
              "advice":null,"publishedAt":"2026-12-01T03:00:00Z","publishedBy":"officer-hd","withdrawnAt":"2026-12-02T04:00:00Z"}]
            """.formatted(SITE_LISTED, CASE_ID, SITE_WITHDRAWN, CASE_ID);
    static final String CASE = """
            {"id":"%s","caseReference":"HD-DEMO-0001","pseudonym":"%s","confirmedAt":"2026-12-03T01:00:00Z",
             "adminUnitCode":"288","status":"OPEN","createdAt":"2026-12-03T02:00:00Z","createdBy":"officer-hd"}"""
            .formatted(CASE_ID, "ab".repeat(32));
    static final String CONTACTS = """
            [{"contactId":"20000000-0000-4000-8000-000000000001","tier":"F1","pseudonym":"p1","phone":"+84912000001",
              "firstExposure":"2026-12-01T01:00:00Z","lastExposure":"2026-12-01T02:00:00Z",
              "venues":[{"venueId":"00000000-0000-4000-8000-000000000001","venueName":"Chợ Hải Tân","start":"2026-12-01T01:00:00Z","end":"2026-12-01T02:00:00Z","minutes":60}],
              "followUp":{"status":"REACHED","note":null,"updatedAt":"2026-12-03T05:00:00Z"},"followUntil":"2026-12-15T02:00:00Z","overdue":false,
              "notification":{"status":"DELIVERED","updatedAt":"2026-12-03T06:00:00Z"}},
             {"contactId":"20000000-0000-4000-8000-000000000002","tier":"F2","pseudonym":"p2","phone":null,
              "firstExposure":"2026-12-02T01:00:00Z","lastExposure":"2026-12-02T02:00:00Z",
              "venues":[{"venueId":"00000000-0000-4000-8000-000000000003","venueName":"Trường học","start":"2026-12-02T01:00:00Z","end":"2026-12-02T02:00:00Z","minutes":60}],
              "followUp":null,"followUntil":"2026-12-16T02:00:00Z","overdue":false,"notification":null}]""";
    static final String REPORT = """
            {"date":"2026-12-04","adminUnitCode":"30","adminUnitName":"Tỉnh Hải Dương","structure":"2025-03-01",
             "cutoff":"2026-12-04T09:00:00Z","snapshotTakenAt":null,"rows":[
             {"adminUnitCode":"30","name":"Tỉnh Hải Dương","level":"PROVINCE","parentCode":null,"population":{"count":1705059,"year":2024,"source":"seed"},
              "venuesRegistered":40,"venuesActive":12,"checkins":2015,"uniqueVisitors":1998,"adoptionPercent":0.118,"cases":1,"contactsIdentified":17,"notified":17,"delivered":17,"reached":0,"testedPositive":0},
             {"adminUnitCode":"288","name":"Thành phố Hải Dương","level":"DISTRICT","parentCode":"30","population":{"count":508190,"year":2024,"source":"seed"},
              "venuesRegistered":30,"venuesActive":10,"checkins":1800,"uniqueVisitors":1790,"adoptionPercent":0.352,"cases":1,"contactsIdentified":17,"notified":17,"delivered":17,"reached":0,"testedPositive":0}]}""";

    @BeforeEach
    void stubs() {
        var wm = WireMockTracing.server;
        wm.resetAll();
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases")).willReturn(json("[" + CASE + "]")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID)).willReturn(json(CASE)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/contacts")).willReturn(json(CONTACTS)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/chain")).willReturn(json(
                "{\"id\":\"" + CASE_ID + "\",\"caseReference\":\"HD-DEMO-0001\",\"children\":[]}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/reports/daily")).willReturn(json(REPORT)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/exposure-sites")).willReturn(json(SITES)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/notifications/preview"))
                .withQueryParam("language", com.github.tomakehurst.wiremock.client.WireMock.equalTo("vi"))
                .willReturn(json("{\"language\":\"vi\",\"tiers\":[\"F1\",\"F2\"],\"contacts\":1,\"example\":"
                        + "\"[Bộ Y tế] Bạn đã ở Chợ Hải Tân từ 01/12 09:00 đến 01/12 10:00\",\"parts\":2}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/notifications/preview"))
                .withQueryParam("language", com.github.tomakehurst.wiremock.client.WireMock.equalTo("en"))
                .willReturn(json("{\"language\":\"en\",\"tiers\":[\"F1\",\"F2\"],\"contacts\":0,\"example\":null}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/reports/daily")).withHeader("Accept", equalTo("text/csv"))
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("\uFEFFadminUnitCode,name\n30,Tỉnh Hải Dương\n")));
        wm.stubFor(post(urlPathEqualTo("/api/v1/cases")).willReturn(json("201", CASE)));
        wm.stubFor(get(urlPathMatching("/api/v1/cases/30000000-.*")).willReturn(problem(403,
                "case 30000000 lies outside your jurisdiction (01)")));
        wm.stubFor(get(urlPathMatching("/api/v1/cases/40000000-.*")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/plain").withBody("java.lang.NullPointerException at Foo.bar(Foo.java:1)")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/audit")).willReturn(json(
                "{\"rows\":[{\"seq\":7,\"at\":\"2026-12-04T08:00:00Z\",\"subject\":\"officer-hd\",\"role\":\"health-officer\","
                        + "\"jurisdiction\":\"30\",\"action\":\"EXPOSURE_EXPORT\",\"caseReference\":\"HD-DEMO-0001\","
                        + "\"parameters\":\"{}\",\"rowCount\":17}],\"nextBefore\":null}")));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String status, String body) {
        return json(body).withStatus(Integer.parseInt(status));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(
                "{\"title\":\"x\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    @OidcSecurity(claims = {@Claim(key = "jurisdiction", value = "30"), @Claim(key = "preferred_username", value = "officer-hd")})
    void casesPageVietnameseFirstWithStrictHeaders() {
        Response r = given().redirects().follow(false).get("/cases");
        r.then().statusCode(200)
                .body(containsString("<html lang=\"vi\">"), containsString("Ca bệnh"), containsString("HD-DEMO-0001"),
                        containsString("name=\"csrf-token\""), containsString("href=\"/logout\""),
                        containsString("officer-hd"), not(containsString("<script>")), not(containsString("onclick")));
        String csp = r.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("form-action 'self' http://127.0.0.1:"), csp);
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        String csrfCookie = r.getDetailedCookie(Csrf.COOKIE).toString();
        assertTrue(csrfCookie.contains("HttpOnly"), csrfCookie);
        assertTrue(csrfCookie.contains("SameSite=Strict"), csrfCookie);
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void englishOnRequestAndKeptInACookie() {
        Response r = given().get("/cases?lang=en");
        r.then().statusCode(200).body(containsString("<html lang=\"en\">"), containsString("Open a case from a phone number"),
                containsString("Tiếng Việt"));
        assertEquals("en", r.getCookie("lang"));
        given().cookie("lang", "en").get("/cases").then().body(containsString("Sign out"));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingIsSent() {
        given().cookie(Csrf.COOKIE, Csrf.newToken()).formParam("caseReference", "X-1").formParam("phone", "0912345678")
                .formParam("confirmedAt", "2026-12-03T08:00").formParam("adminUnitCode", "288")
                .post("/cases").then().statusCode(403).body(containsString("Biểu mẫu đã hết hạn"));
        given().formParam("csrf-token", Csrf.newToken()).formParam("caseReference", "X-1").post("/cases")
                .then().statusCode(403);
        WireMockTracing.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/cases")));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void aFormFromAnotherOriginIsRefused() {
        String token = Csrf.newToken();
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token).header("Origin", "https://evil.example")
                .formParam("caseReference", "X-1").post("/cases").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void badPhoneAndBadDateAreShownBesideTheFieldsWithoutCallingTheService() {
        String token = Csrf.newToken();
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token).formParam("caseReference", "X-1")
                .formParam("phone", "12ab").formParam("confirmedAt", "31/12/2026").formParam("adminUnitCode", "288")
                .post("/cases").then().statusCode(400)
                .body(containsString("id=\"err-phone\""), containsString("Số điện thoại không hợp lệ"),
                        containsString("id=\"err-confirmedAt\""), containsString("Ngày giờ không hợp lệ"),
                        containsString("value=\"12ab\""));
        WireMockTracing.server.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/cases")));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void openingACaseSendsItAndGoesToIt() {
        String token = Csrf.newToken();
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .formParam("caseReference", "HD-DEMO-0001").formParam("phone", "0912 999 001")
                .formParam("confirmedAt", "2026-12-03T08:00").formParam("adminUnitCode", "288")
                .post("/cases").then().statusCode(303).header("Location", containsString("/cases/" + CASE_ID));
        WireMockTracing.server.verify(postRequestedFor(urlPathEqualTo("/api/v1/cases"))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("0912 999 001")))
                .withRequestBody(matchingJsonPath("$.confirmedAt", equalTo("2026-12-03T01:00:00Z"))));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void theServicesFieldErrorsAreShown() {
        WireMockTracing.server.stubFor(post(urlPathEqualTo("/api/v1/cases")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody(
                        "{\"status\":409,\"detail\":\"case reference HD-DEMO-0001 exists already\",\"errors\":[{\"field\":\"caseReference\",\"message\":\"already used\"}]}")));
        String token = Csrf.newToken();
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .formParam("caseReference", "HD-DEMO-0001").formParam("phone", "0912 999 001")
                .formParam("confirmedAt", "2026-12-03T08:00").formParam("adminUnitCode", "288")
                .post("/cases").then().statusCode(409)
                .body(containsString("case reference HD-DEMO-0001 exists already"), containsString("already used"));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void casePageHasCountsGraphAndTimeline() {
        given().get("/cases/" + CASE_ID).then().statusCode(200)
                .body(containsString("id=\"count-f1\">1<"), containsString("id=\"count-f2\">1<"),
                        containsString("data-graph=\"{&quot;nodes&quot;"), containsString("Chợ Hải Tân"),
                        containsString("class=\"bar F1\""), containsString("Đã nhận"),
                        containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"), containsString("/console/case.js"),
                        // the notify preview is tracing-service's own rendering, asked with the tiers and each language
                        containsString("[Bộ Y tế] Bạn đã ở Chợ Hải Tân từ 01/12 09:00 đến 01/12 10:00"),
                        containsString("Không có người tiếp xúc nào trong địa bàn để nhắn tin."));
        WireMockTracing.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/notifications/preview"))
                .withQueryParam("tiers", com.github.tomakehurst.wiremock.client.WireMock.equalTo("F1")));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void notifyFollowUpAndExposureSiteAreSentAsTheApiWantsThem() {
        var wm = WireMockTracing.server;
        wm.stubFor(post(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/notifications")).willReturn(json("202",
                "{\"queued\":1,\"alreadyNotified\":0,\"unreachable\":0,\"outsideJurisdiction\":0}")));
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.patch(urlPathMatching("/api/v1/cases/" + CASE_ID + "/contacts/.*"))
                .willReturn(json("{}")));
        wm.stubFor(post(urlPathEqualTo("/api/v1/exposure-sites")).willReturn(json("201", "{}")));
        String token = Csrf.newToken();
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .formParam("tier", "F1").formParam("tier", "F2").formParam("language", "en")
                .post("/cases/" + CASE_ID + "/notify").then().statusCode(303)
                .header("Location", containsString("notified=1,0,0,0"));
        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/notifications"))
                .withRequestBody(equalToJson("{\"tiers\":[\"F1\",\"F2\"],\"language\":\"en\"}")));
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token).post("/cases/" + CASE_ID + "/notify")
                .then().statusCode(400).body(containsString("id=\"err-tier\""));
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8") // as a browser sends a utf-8 page's form
                .formParam("status", "QUARANTINED").formParam("note", "ở nhà")
                .post("/cases/" + CASE_ID + "/contacts/20000000-0000-4000-8000-000000000001").then().statusCode(303);
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                urlPathEqualTo("/api/v1/cases/" + CASE_ID + "/contacts/20000000-0000-4000-8000-000000000001"))
                .withRequestBody(equalToJson("{\"status\":\"QUARANTINED\",\"note\":\"ở nhà\"}")));
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("venueId", "00000000-0000-4000-8000-000000000001").formParam("from", "2026-12-01T08:00")
                .formParam("to", "2026-12-01T09:30").formParam("advice", "Hãy xét nghiệm nhanh.")
                .post("/cases/" + CASE_ID + "/exposure-sites").then().statusCode(303).header("Location", containsString("site=1"));
        wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/exposure-sites")).withRequestBody(equalToJson(
                "{\"caseId\":\"" + CASE_ID + "\",\"venueId\":\"00000000-0000-4000-8000-000000000001\","
                        + "\"from\":\"2026-12-01T01:00:00Z\",\"to\":\"2026-12-01T02:30:00Z\",\"advice\":\"Hãy xét nghiệm nhanh.\"}")));
        // a window the wrong way round is refused here
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .formParam("venueId", "00000000-0000-4000-8000-000000000001").formParam("from", "2026-12-01T10:00")
                .formParam("to", "2026-12-01T09:30").post("/cases/" + CASE_ID + "/exposure-sites")
                .then().statusCode(400).body(containsString("id=\"err-siteTo\""));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void theCasesSitesAreListedAndAListedOneIsWithdrawn() {
        var wm = WireMockTracing.server;
        String page = given().get("/cases/" + CASE_ID).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"withdraw-" + SITE_LISTED + "\""), "a listed site can be withdrawn");
        assertFalse(page.contains("id=\"withdraw-" + SITE_WITHDRAWN + "\""), "a withdrawn one cannot");
        assertTrue(page.contains("Đang công khai") && page.contains("Đã rút lúc 02/12/2026 11:00"), "status in local time");
        String withdraw = "/cases/" + CASE_ID + "/exposure-sites/" + SITE_LISTED + "/withdraw";
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v1/exposure-sites/" + SITE_LISTED))
                .willReturn(aResponse().withStatus(204)));

        given().cookie(Csrf.COOKIE, Csrf.newToken()).formParam("csrf-token", Csrf.newToken()).post(withdraw)
                .then().statusCode(403);
        wm.verify(0, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathMatching("/api/v1/exposure-sites/.*")));
        String token = Csrf.newToken();
        given().redirects().follow(false).cookie(Csrf.COOKIE, token).formParam("csrf-token", token).post(withdraw)
                .then().statusCode(303).header("Location", containsString("withdrawn=1"));
        wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlPathEqualTo("/api/v1/exposure-sites/" + SITE_LISTED)));
        given().get("/cases/" + CASE_ID + "?withdrawn=1").then().statusCode(200)
                .body(containsString("Đã rút địa điểm khỏi danh sách công khai."));

        // tracing-service refuses (outside the officer's jurisdiction): its reason on the case page, nothing else done
        String other = "50000000-0000-4000-8000-000000000009";
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v1/exposure-sites/" + other))
                .willReturn(problem(403, "exposure site 50000000 lies outside your jurisdiction (288)")));
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .post("/cases/" + CASE_ID + "/exposure-sites/" + other + "/withdraw").then().statusCode(403)
                .body(containsString("exposure site 50000000 lies outside your jurisdiction (288)"));
        given().cookie(Csrf.COOKIE, token).formParam("csrf-token", token)
                .post("/cases/" + CASE_ID + "/exposure-sites/not-an-id/withdraw").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "officer-hn", roles = "health-officer")
    void aCaseOutsideTheJurisdictionIsAReadable403() {
        given().get("/cases/30000000-0000-4000-8000-000000000000").then().statusCode(403)
                .body(containsString("ngoài địa bàn"), containsString("case 30000000 lies outside your jurisdiction (01)"));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void aFailingServiceIsAReadablePageWithoutItsStackTrace() {
        given().get("/cases/40000000-0000-4000-8000-000000000000").then().statusCode(502)
                .body(containsString("Máy chủ dịch vụ đang gặp lỗi"), not(containsString("NullPointerException")));
        given().get("/cases/not-a-uuid").then().statusCode(404).body(containsString("Không tìm thấy"));
    }

    /**
     * An expired session: a token the service no longer accepts (401) is a page asking to sign in again, and the page
     * quarkus-oidc sends an officer to when the session cannot be refreshed says so, in either language.
     */
    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void anExpiredSessionIsAReadablePageAskingToSignInAgain() {
        WireMockTracing.server.stubFor(get(urlPathEqualTo("/api/v1/cases")).willReturn(problem(401,
                "the bearer token is missing, expired or not signed by a trusted key")));
        // the list shows the service's refusal in its problem box; a page that cannot be drawn without it is a 401 page
        given().get("/cases").then().statusCode(200)
                .body(containsString("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."),
                        not(containsString("Exception")));
        WireMockTracing.server.stubFor(get(urlPathEqualTo("/api/v1/cases/" + CASE_ID)).willReturn(problem(401,
                "the bearer token is missing, expired or not signed by a trusted key")));
        given().get("/cases/" + CASE_ID).then().statusCode(401)
                .body(containsString("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."),
                        not(containsString("Exception")));
        given().get("/session-expired").then().statusCode(200)
                .body(containsString("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại"));
        given().queryParam("lang", "en").get("/session-expired").then().statusCode(200)
                .body(containsString("Your session has expired. Please sign in again"));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void clustersNotThereYetIsSaidSo() {
        given().get("/clusters").then().statusCode(200).body(containsString("id=\"clusters-unavailable\""));
        given().get("/clusters?days=99").then().statusCode(200).body(containsString("id=\"err-days\""));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void clustersRankedWithTheirCases() {
        WireMockTracing.server.stubFor(get(urlPathEqualTo("/api/v1/clusters")).willReturn(json("""
                {"adminUnitCode":"30","days":14,"from":"2026-11-21T00:00:00Z","to":"2026-12-05T00:00:00Z","clusters":[
                 {"venueId":"00000000-0000-4000-8000-000000000001","venueName":"Chợ Hải Tân","adminUnitCode":"288",
                  "place":"Thành phố Hải Dương, Tỉnh Hải Dương","caseCount":2,"visitCount":3,
                  "firstVisit":"2026-12-01T01:00:00Z","lastVisit":"2026-12-02T03:00:00Z","cases":[
                   {"caseId":"%s","reference":"HD-DEMO-0001","status":"OPEN","visits":[{"checkIn":"2026-12-01T01:00:00Z","checkOut":"2026-12-01T02:00:00Z"}]},
                   {"caseId":"10000000-0000-4000-8000-000000000009","reference":"HD-DEMO-0002","status":"OPEN","visits":[{"checkIn":"2026-12-02T01:00:00Z","checkOut":null}]}]}]}"""
                .formatted(CASE_ID))));
        given().get("/clusters?unit=30&days=14").then().statusCode(200)
                .body(containsString("id=\"clusters-table\""), containsString("Chợ Hải Tân"),
                        containsString("Thành phố Hải Dương, Tỉnh Hải Dương"), containsString("HD-DEMO-0002"),
                        containsString("01/12/2026 08:00 – 01/12/2026 09:00"), containsString("02/12/2026 08:00 – …"),
                        not(containsString("clusters-unavailable")));
        WireMockTracing.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v1/clusters"))
                .withQueryParam("adminUnitCode", equalTo("30")).withQueryParam("days", equalTo("14")));
        // a tracing-service without the endpoint answers 404 (with Quarkus's own problem): "not available"
        WireMockTracing.server.stubFor(get(urlPathEqualTo("/api/v1/clusters")).willReturn(problem(404, "HTTP 404 Not Found")));
        given().get("/clusters").then().statusCode(200).body(containsString("id=\"clusters-unavailable\""));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void reportPageChartsCsvAndPdf() {
        given().get("/reports?date=2026-12-04&unit=30").then().statusCode(200)
                .body(containsString("id=\"adoption-chart\""), containsString("Thành phố Hải Dương"),
                        containsString("id=\"trend-chart\""), containsString("/reports/daily.pdf?date=2026-12-04&amp;unit=30"));
        given().get("/reports?date=2026-13-45").then().statusCode(200).body(containsString("id=\"err-date\""));
        given().get("/reports/daily.csv?date=2026-12-04&unit=30").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(containsString("Tỉnh Hải Dương"));
        byte[] pdf = given().get("/reports/daily.pdf?date=2026-12-04&unit=30").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, 0, 5).startsWith("%PDF-"));
    }

    @Test
    @TestSecurity(user = "officer-hd", roles = "health-officer")
    void auditIsForAdminsOnly() {
        given().get("/audit").then().statusCode(403).body(containsString("Vai trò của bạn không được dùng trang này"));
    }

    @Test
    @TestSecurity(user = "admin-demo", roles = "admin")
    void auditForAnAdmin() {
        given().get("/audit?lang=en").then().statusCode(200)
                .body(allOf(containsString("EXPOSURE_EXPORT"), containsString("contact list export"), containsString("HD-DEMO-0001")));
    }

    @Test
    void publicPagesNeedNoSignIn() {
        given().get("/signed-out").then().statusCode(200).body(containsString("Đã đăng xuất"));
        given().get("/session-expired?lang=en").then().statusCode(200).body(containsString("Session expired"));
        given().get("/console/console.css").then().statusCode(200);
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        // Prometheus scrapes without a token (inside the cluster; the Ingress does not route /q)
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
