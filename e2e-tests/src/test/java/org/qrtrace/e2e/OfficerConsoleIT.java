package org.qrtrace.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.qrtrace.deploy.DevKeys;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer console in a real browser against the whole stack (Keycloak included): officer-hd signs in on Keycloak's
 * own login page (after a wrong password, whose message Keycloak shows), opens the case of a small outbreak from the
 * index person's phone, runs its exposure query, sees the same F1/F2 counts the API gives, notifies the F1 contacts and
 * sees their messages go from queued to delivered, records a follow-up, opens the daily report and finds its charts
 * drawn, and signs out (Keycloak's session ends too). Then officer-hn (Hà Nội) sees none of it: not the case (a
 * readable 403), not unit 30. Screenshots of every page at 1366×768 and 768×1024 go to {@code docs/img/} (set
 * {@code -Dconsole.screenshots=target/console-screenshots} to keep them out of docs, e.g. in CI).
 *
 * <p>Runs on {@link LocalStack#shared()}; {@code -Dconsole.stack=/path/to/target/local-stack} points it at a stack
 * already running (read from that folder's stack.env), which is how it was developed.
 */
class OfficerConsoleIT {

    static Target t;
    static Path screenshots;

    /** What the test needs of a stack. */
    record Target(String consoleUrl, String tracingUrl, String venueUrl, String checkinUrl, String issuer, Path stackDir) {

        DevKeys keys() {
            return DevKeys.loadOrCreate(stackDir.resolve("keys"));
        }

        String devToken(String role, List<String> venues, String jurisdiction) {
            return keys().mint(role, venues, jurisdiction, null, Duration.ofHours(1));
        }

        String keycloakToken(String user) {
            return given().formParam("grant_type", "password").formParam("client_id", "qrtrace-cli")
                    .formParam("username", user).formParam("password", "demo-" + user)
                    .post(issuer + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        }
    }

    @BeforeAll
    static void stack() throws Exception {
        String existing = System.getProperty("console.stack");
        if (existing != null && !existing.isBlank()) {
            Path dir = Path.of(existing);
            Properties env = new Properties();
            env.load(new StringReader(Files.readString(dir.resolve("stack.env"))));
            t = new Target(env.getProperty("CONSOLE_URL"), env.getProperty("TRACING_URL"), env.getProperty("VENUE_URL"),
                    env.getProperty("CHECKIN_URL"), env.getProperty("OIDC_ISSUER"), dir);
        } else {
            LocalStack s = LocalStack.shared();
            t = new Target(s.consoleUrl(), s.tracingUrl(), s.venueUrl(), s.checkinUrl(), s.keycloakIssuer(),
                    Path.of("target", "e2e-stack").toAbsolutePath());
        }
        screenshots = Path.of(System.getProperty("console.screenshots", "../docs/img")).toAbsolutePath().normalize();
    }

    @AfterAll
    static void done() {
        System.out.println("console screenshots in " + screenshots);
    }

    @Test
    void anOfficerWorksACaseAndAnotherProvinceSeesNoneOfIt() throws Exception {
        Outbreak outbreak = Outbreak.create(t);
        String reference = "HD-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String caseId;

        try (ConsoleBrowser b = new ConsoleBrowser(screenshots)) {
            // Keycloak's own login page; a wrong password is Keycloak's message, on Keycloak's page.
            b.open(t.consoleUrl() + "/cases");
            assertTrue(b.driver().getCurrentUrl().startsWith(t.issuer() + "/protocol/openid-connect/auth"), b.driver().getCurrentUrl());
            // In Vietnamese: the realm's login theme (deploy/k8s/base/keycloak/theme) over Keycloak's own pages.
            assertEquals("Đăng nhập vào tài khoản", b.driver().findElement(By.id("kc-page-title")).getText().strip());
            b.screenshots("sign-in");
            signIn(b, "officer-hd", "wrong-password");
            WebElement error = b.waitUntil(d -> d.findElement(By.id("input-error-username")));
            assertTrue(error.isDisplayed(), "Keycloak shows its error");
            assertEquals("Tên đăng nhập hoặc mật khẩu không đúng.", error.getText().strip());
            b.screenshots("sign-in-wrong-password");
            signIn(b, "officer-hd", "demo-officer-hd");
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/cases"));
            assertEquals("officer-hd", b.driver().findElement(By.id("signed-in-user")).getText());
            assertTrue(b.driver().findElement(By.id("signed-in-jurisdiction")).getText().endsWith("30"));
            assertEquals("vi", b.driver().findElement(By.tagName("html")).getAttribute("lang"));
            // The session cookie(s) (quarkus-oidc's q_session, chunked when the tokens are large): HttpOnly, SameSite=Lax
            // (not Secure: the local stack is plain http); the CSRF cookie HttpOnly and SameSite=Strict.
            var sessionCookies = b.driver().manage().getCookies().stream().filter(c -> c.getName().startsWith("q_session")).toList();
            assertFalse(sessionCookies.isEmpty(), "no session cookie: " + b.driver().manage().getCookies());
            for (var c : sessionCookies) {
                assertTrue(c.isHttpOnly(), c.toString());
                assertEquals("Lax", c.getSameSite(), c.toString());
            }
            var csrf = b.driver().manage().getCookieNamed("console-csrf");
            assertTrue(csrf.isHttpOnly() && "Strict".equals(csrf.getSameSite()), csrf.toString());

            // Open the case from the index person's phone, on the cases page's form; a bad phone first.
            fill(b, "caseReference", reference);
            fill(b, "phone", "0912 34");
            fill(b, "adminUnitCode", "288");
            b.clickAndWait(By.id("open-case"));
            assertTrue(b.driver().findElement(By.id("err-phone")).getText().contains("Số điện thoại không hợp lệ"));
            b.screenshots("cases-form-error", "open");
            fill(b, "phone", outbreak.indexPhone());
            b.clickAndWait(By.id("open-case"));
            b.waitUntil(d -> d.getCurrentUrl().contains("/cases/"));
            caseId = b.driver().getCurrentUrl().replaceAll(".*/cases/([0-9a-f-]{36}).*", "$1");
            assertEquals(reference, b.driver().findElement(By.id("case-reference")).getText());

            // The exposure query (defaults: the last 14 days, 30 min buffer, 15 min overlap, depth 2), until the
            // check-ins have travelled through Kafka into tracing-service.
            String officer = t.keycloakToken("officer-hd");
            Instant until = Instant.now().plusSeconds(90);
            JsonPath contacts;
            do {
                b.clickAndWait(By.id("run-query"));
                contacts = given().auth().oauth2(officer).get(t.tracingUrl() + "/api/v1/cases/" + caseId + "/contacts")
                        .then().statusCode(200).extract().jsonPath();
            } while (contacts.getList("findAll { it.tier == 'F1' }").size() < 2 && Instant.now().isBefore(until));
            int f1 = contacts.getList("findAll { it.tier == 'F1' }").size();
            int f2 = contacts.getList("findAll { it.tier == 'F2' }").size();
            assertEquals(outbreak.f1(), f1, "F1 by the API");
            assertEquals(outbreak.f2(), f2, "F2 by the API");
            b.open(t.consoleUrl() + "/cases/" + caseId);
            assertEquals(String.valueOf(f1), b.driver().findElement(By.id("count-f1")).getText());
            assertEquals(String.valueOf(f2), b.driver().findElement(By.id("count-f2")).getText());
            assertEquals(f1 + f2, b.driver().findElements(By.cssSelector("#contacts-table tbody tr")).size());
            assertTrue(b.driver().findElements(By.cssSelector("#contacts-table td.sms .badge")).isEmpty(), "nobody notified yet");
            // the transmission graph is drawn (echarts puts a canvas in its div)
            b.waitUntil(d -> !d.findElements(By.cssSelector("#case-graph canvas")).isEmpty());
            b.screenshots("case");
            b.screenshots("case-graph", "graph");
            b.screenshots("case-timeline", "timeline");

            // Notify F1, in Vietnamese: statuses appear and go to DELIVERED (the local SMSC answers).
            assertTrue(b.driver().findElement(By.id("preview-vi")).getText().contains("[Bộ Y tế] Bạn đã ở "), "tracing-service's rendering of an F1's message");
            b.screenshots("case-notify", "notify");
            b.clickAndWait(By.id("notify-submit"));
            String result = b.driver().findElement(By.id("notify-result")).getText();
            assertTrue(result.contains("xếp hàng gửi " + f1), result);
            b.waitUntil(Duration.ofSeconds(120), d -> {
                b.open(t.consoleUrl() + "/cases/" + caseId + "?tier=F1");
                List<WebElement> badges = d.findElements(By.cssSelector("#contacts-table td.sms .badge"));
                return badges.size() == f1 && badges.stream().allMatch(x -> x.getAttribute("class").contains("sms-DELIVERED"));
            });
            b.screenshots("case-notified", "contacts");

            // A follow-up status, recorded and shown.
            WebElement row = b.driver().findElement(By.cssSelector("#contacts-table tbody tr"));
            String contactId = row.getAttribute("data-contact");
            new Select(row.findElement(By.name("status"))).selectByValue("QUARANTINED");
            b.clickAndWait(By.cssSelector("#contacts-table tbody tr form.followup button"));
            WebElement saved = b.driver().findElement(By.cssSelector("#contacts-table tr[data-contact='" + contactId + "'] select"));
            assertEquals("QUARANTINED", new Select(saved).getFirstSelectedOption().getAttribute("value"));
            assertEquals("QUARANTINED", given().auth().oauth2(officer).get(t.tracingUrl() + "/api/v1/cases/" + caseId + "/contacts")
                    .then().extract().jsonPath().getString("find { it.contactId == '" + contactId + "' }.followUp.status"));

            // The market as a public exposure site for the last hour, listed on the case page and in the public feed;
            // then withdrawn from the page: off the feed, marked withdrawn on the page.
            java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
            java.time.ZonedDateTime siteTo = Instant.now().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            new Select(b.driver().findElement(By.cssSelector("#site select[name=venueId]"))).selectByVisibleText(outbreak.market());
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "const f = document.querySelector('#site form[action$=\"/exposure-sites\"]');"
                            + "f.querySelector('input[name=from]').value = arguments[0];"
                            + "f.querySelector('input[name=to]').value = arguments[1];",
                    minute.format(siteTo.minusHours(1)), minute.format(siteTo));
            b.clickAndWait(By.cssSelector("#site form[action$='/exposure-sites'] button"));
            List<WebElement> siteRows = b.driver().findElements(By.cssSelector("#sites tbody tr"));
            assertEquals(1, siteRows.size());
            assertTrue(siteRows.get(0).getText().contains(outbreak.market()), siteRows.get(0).getText());
            String feed = given().get(t.tracingUrl() + "/api/v1/exposure-sites").then().statusCode(200).extract().asString();
            assertTrue(feed.contains(outbreak.market()), "the public list names the market");
            b.screenshots("case-site", "site");
            b.clickAndWait(By.cssSelector("#sites button[id^=withdraw-]"));
            assertTrue(b.driver().findElement(By.id("site-withdrawn")).isDisplayed());
            assertTrue(b.driver().findElements(By.cssSelector("#sites button[id^=withdraw-]")).isEmpty(), "nothing left to withdraw");
            assertFalse(given().get(t.tracingUrl() + "/api/v1/exposure-sites").then().statusCode(200).extract().asString()
                    .contains(outbreak.market()), "off the public list");
            b.screenshots("case-site-withdrawn", "site");

            // On a stack started with --demo after ./deploy/demo-outbreak: the demo outbreak's case, a larger graph.
            String demoCase = given().auth().oauth2(officer).queryParam("adminUnitCode", "30")
                    .get(t.tracingUrl() + "/api/v1/cases").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.caseReference == 'HD-DEMO-0001' }.id");
            if (demoCase != null) {
                b.open(t.consoleUrl() + "/cases/" + demoCase);
                b.waitUntil(d -> !d.findElements(By.cssSelector("#case-graph canvas")).isEmpty());
                b.screenshots("demo-case");
                b.screenshots("demo-case-graph", "graph");
            }

            // English on request.
            b.open(t.consoleUrl() + "/cases/" + caseId + "?lang=en");
            assertEquals("en", b.driver().findElement(By.tagName("html")).getAttribute("lang"));
            assertTrue(b.driver().findElement(By.id("sign-out")).getText().contains("Sign out"));
            b.screenshots("case-en");
            b.open(t.consoleUrl() + "/cases?lang=vi");
            b.screenshots("cases");

            // The first F1 tests positive: a second case, opened from the console linked to the first. The market where
            // both were is now a cluster.
            b.open(t.consoleUrl() + "/cases");
            String second = reference + "-2";
            fill(b, "caseReference", second);
            fill(b, "phone", outbreak.f1Phone());
            fill(b, "adminUnitCode", "288");
            fill(b, "linkedFromCaseId", caseId);
            b.clickAndWait(By.id("open-case"));
            assertEquals(second, b.driver().findElement(By.id("case-reference")).getText());
            b.open(t.consoleUrl() + "/clusters?days=7");
            if (b.driver().findElements(By.id("clusters-unavailable")).isEmpty()) {
                String clusters = b.driver().findElement(By.id("clusters-table")).getText();
                assertTrue(clusters.contains(outbreak.market()) && clusters.contains(reference) && clusters.contains(second), clusters);
            }
            b.screenshots("clusters");
            b.open(t.consoleUrl() + "/reports");
            b.waitUntil(d -> !d.findElements(By.cssSelector("#adoption-chart canvas")).isEmpty()
                    && !d.findElements(By.cssSelector("#trend-chart canvas")).isEmpty());
            assertTrue(b.driver().findElement(By.id("report-table")).getText().contains("Hải Dương"));
            b.screenshots("report");
            b.screenshots("report-table", "report-table");

            // Sign out: the console's session and Keycloak's end; signing in is asked again.
            b.clickAndWait(By.id("sign-out"));
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/signed-out"));
            b.screenshots("signed-out");
            b.open(t.consoleUrl() + "/cases");
            assertTrue(b.driver().getCurrentUrl().startsWith(t.issuer()), "Keycloak asks again: " + b.driver().getCurrentUrl());

            // Another province's officer sees none of it.
            signIn(b, "officer-hn", "demo-officer-hn");
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/cases"));
            assertEquals("officer-hn", b.driver().findElement(By.id("signed-in-user")).getText());
            assertFalse(b.driver().getPageSource().contains(reference), "officer-hn's list shows the case");
            b.open(t.consoleUrl() + "/cases/" + caseId);
            WebElement forbidden = b.driver().findElement(By.id("error-message"));
            assertEquals("403", forbidden.getAttribute("data-status"));
            assertTrue(forbidden.getText().contains("ngoài địa bàn"), forbidden.getText());
            b.screenshots("forbidden-case");
            b.open(t.consoleUrl() + "/cases?unit=30");
            WebElement alert = b.driver().findElement(By.cssSelector(".alert[data-status='403']"));
            assertTrue(alert.getText().contains("ngoài địa bàn"), alert.getText());
            assertTrue(b.driver().findElements(By.cssSelector("#cases-table")).isEmpty());
            b.open(t.consoleUrl() + "/reports?unit=30");
            assertTrue(b.driver().findElement(By.cssSelector(".alert[data-status='403']")).isDisplayed());
            b.clickAndWait(By.id("sign-out"));
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/signed-out"));

            // The admin sees the audit log: who read and changed what, for which case.
            b.open(t.consoleUrl() + "/audit");
            signIn(b, "admin-demo", "demo-admin-demo");
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/audit"));
            String audit = b.driver().findElement(By.id("audit-table")).getText();
            assertTrue(audit.contains(reference) && audit.contains("CASE_CONTACTS_NOTIFY"), audit);
            b.screenshots("audit");
        }
    }

    /**
     * A session that ended in Keycloak (an admin signed the officer out everywhere) cannot be refreshed once its tokens
     * expire: the console then shows its "session expired" page, not an error. The realm's token lifespan is shortened
     * to 10 s for the test through Keycloak's admin API, and put back.
     */
    @Test
    void aSessionEndedInKeycloakEndsOnTheSessionExpiredPage() throws Exception {
        String keycloak = t.issuer().substring(0, t.issuer().indexOf("/realms/"));
        Properties secrets = new Properties();
        secrets.load(new StringReader(Files.readString(t.stackDir().resolve("secrets.env"))));
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", secrets.getProperty("KC_BOOTSTRAP_ADMIN_PASSWORD"))
                .post(keycloak + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        int lifespan = given().auth().oauth2(admin).get(keycloak + "/admin/realms/qrtrace").then().statusCode(200)
                .extract().path("accessTokenLifespan");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accessTokenLifespan", 10))
                .put(keycloak + "/admin/realms/qrtrace").then().statusCode(204);
        try (ConsoleBrowser b = new ConsoleBrowser(screenshots)) {
            b.open(t.consoleUrl() + "/cases");
            signIn(b, "officer-hd", "demo-officer-hd");
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/cases"));
            // A token of the same user issued after the console's: once it has expired, so have the console's. (Polling
            // the console itself instead would make it try a refresh before they expired, which is another path.)
            Instant consoleTokensExpired = expiryOf(given().formParam("grant_type", "password")
                    .formParam("client_id", "qrtrace-cli").formParam("username", "officer-hd")
                    .formParam("password", "demo-officer-hd").post(t.issuer() + "/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token"));
            String userId = given().auth().oauth2(admin).queryParam("username", "officer-hd").queryParam("exact", true)
                    .get(keycloak + "/admin/realms/qrtrace/users").then().statusCode(200).extract().path("[0].id");
            given().auth().oauth2(admin).post(keycloak + "/admin/realms/qrtrace/users/" + userId + "/logout")
                    .then().statusCode(204);
            // The console's tokens (10 s) expire; refreshing them then fails, as the session has ended.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Instant.now().isAfter(consoleTokensExpired));
            b.open(t.consoleUrl() + "/cases");
            b.waitUntil(d -> d.getCurrentUrl().startsWith(t.consoleUrl() + "/session-expired"));
            assertTrue(b.driver().findElement(By.tagName("body")).getText()
                    .contains("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại"), b.driver().getPageSource());
        } finally {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("accessTokenLifespan", lifespan))
                    .put(keycloak + "/admin/realms/qrtrace").then().statusCode(204);
        }
    }

    /** The {@code exp} of a JWT, read from its payload (its signature is the issuer's business here). */
    private static Instant expiryOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(JsonPath.from(payload).getLong("exp"));
    }

    private static void signIn(ConsoleBrowser b, String user, String password) {
        WebElement u = b.waitUntil(d -> d.findElement(By.id("username")));
        u.clear();
        u.sendKeys(user);
        WebElement p = b.driver().findElement(By.id("password"));
        p.clear();
        p.sendKeys(password);
        b.clickAndWait(By.id("kc-login"));
    }

    private static void fill(ConsoleBrowser b, String name, String value) {
        WebElement e = b.driver().findElement(By.name(name));
        e.clear();
        e.sendKeys(value);
    }

    /**
     * A small outbreak in Thành phố Hải Dương (288), checked in through the public APIs: the index person and two F1
     * at a market; the first F1 then at a café (gate device) where an F2 is; someone unrelated at an office.
     */
    record Outbreak(String indexPhone, String f1Phone, String market, int f1, int f2) {

        static Outbreak create(Target t) {
            String admin = t.devToken("admin", null, null);
            JsonPath market = venue(t, admin, "Chợ Phú Lương " + suffix(), "MARKET");
            JsonPath cafe = venue(t, admin, "Cà phê Bạch Đằng " + suffix(), "RESTAURANT");
            JsonPath office = venue(t, admin, "Văn phòng Thanh Bình " + suffix(), "OFFICE");
            awaitKnown(t, market);
            awaitKnown(t, cafe);
            awaitKnown(t, office);
            String index = phone();
            String f1a = phone();
            String f1b = phone();
            String f2 = phone();
            checkIn(t, market, index, "Nguyễn Văn An");
            checkIn(t, market, f1a, "Trần Thị Bình");
            checkIn(t, market, f1b, "Lê Văn Cường");
            String gate = t.devToken("gate-device", List.of(cafe.getString("id")), null);
            given().auth().oauth2(gate).contentType(ContentType.JSON)
                    .body(Map.of("deviceId", "gate-ui", "scans", List.of(Map.of("idempotencyKey", UUID.randomUUID().toString(),
                            "token", token(cafe.getString("qrUrl")), "phone", "+84" + f1a.substring(1), "direction", "IN",
                            "scannedAt", Instant.now().toString()))))
                    .post(t.checkinUrl() + "/api/v1/gate/batches").then().statusCode(200);
            checkIn(t, cafe, f2, "Phạm Thị Dung");
            checkIn(t, office, phone(), "Hoàng Văn Em");
            return new Outbreak(index, f1a, market.getString("name"), 2, 1);
        }

        static String suffix() {
            return UUID.randomUUID().toString().substring(0, 4);
        }

        static String phone() {
            return "0913" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        }

        static JsonPath venue(Target t, String admin, String name, String category) {
            return given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "category", category, "adminUnitCode", "288", "address", "1 Trần Hưng Đạo",
                            "contactPhone", "0220 3890 000", "capacity", 100, "entrances", List.of(Map.of("name", "Cổng chính"))))
                    .post(t.venueUrl() + "/api/v1/venues").then().statusCode(201).extract().jsonPath();
        }

        static void awaitKnown(Target t, JsonPath venue) {
            String officer = t.devToken("health-officer", null, "30");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().redirects().follow(false).get(venue.getString("qrUrl")).statusCode() == 200
                            && given().auth().oauth2(officer).queryParam("from", Instant.now().minusSeconds(60).toString())
                            .queryParam("to", Instant.now().toString()).queryParam("caseReference", "E2E-WAIT")
                            .get(t.tracingUrl() + "/api/v1/venues/" + venue.getString("id") + "/presence").statusCode() == 200);
        }

        static void checkIn(Target t, JsonPath venue, String phone, String name) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("token", token(venue.getString("qrUrl")), "phone", phone, "name", name))
                    .post(t.checkinUrl() + "/api/v1/checkins").then().statusCode(201);
        }

        static String token(String qrUrl) {
            return qrUrl.substring(qrUrl.lastIndexOf('/') + 1);
        }
    }
}
