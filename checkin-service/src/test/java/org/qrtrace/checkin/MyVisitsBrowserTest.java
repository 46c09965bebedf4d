package org.qrtrace.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.testing.Chromium;
import org.qrtrace.checkin.support.ExposureFeedStub;
import org.qrtrace.checkin.support.ReceivedRequests;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.testing.RealInfraTestResource;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The visitor's own visits in a real headless Chromium (phone-sized, Vietnamese): checked in through the real page,
 * kept in the browser, matched on {@code /my-visits} against a stub of tracing-service's exposure-site feed
 * ({@link ExposureFeedStub}). Every site window is placed relative to the check-in time the page recorded, so the
 * verdicts do not depend on the hour. Each scenario also checks what the servers received: the feed only plain GETs
 * with no query and nothing of the visits; this service nothing that carries a stored visit. Screenshots of the
 * warning and no-match states (phone 390×844, laptop 1366×900) go to {@code target/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
@QuarkusTestResource(ExposureFeedStub.class)
class MyVisitsBrowserTest {

    private static final String KEY = "qrtrace.visits.v1";
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ReceivedRequests checkinReceived;

    Chromium browser;
    ChromeDriver driver;

    /** A visit as the browser stored it. */
    record Stored(String id, String venueId, String venueName, String entranceName, Instant checkedInAt,
                  Instant autoCheckoutAt, Instant checkedOutAt) {
    }

    @BeforeEach
    void startBrowser() throws IOException {
        browser = new Chromium();
        driver = browser.driver();
        ExposureFeedStub.publish(Instant.now(), List.of());
        ExposureFeedStub.forget();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        checkinReceived.stop();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aVisitOverlappingAPublishedSiteIsWarnedAboutPlainly() throws Exception {
        TestVenues.Venue venue = TestVenues.register("Siêu thị Co.opmart Hải Dương", "SUPERMARKET");
        TestVenues.Venue elsewhere = TestVenues.register("Chợ Hội Đô", "MARKET");
        // this browser already kept a visit of two days ago, and one of 22 days ago that the next write drops
        driver.get(base + "c/" + venue.entranceToken());
        UUID older = UUID.randomUUID();
        UUID tooOld = UUID.randomUUID();
        Instant now = Instant.now();
        browser.js("localStorage.setItem(arguments[0], arguments[1])", KEY, JSON.writeValueAsString(List.of(
                Map.of("id", older.toString(), "venueId", elsewhere.id().toString(), "venueName", "Chợ Hội Đô",
                        "checkedInAt", now.minus(Duration.ofDays(2)).toString(),
                        "autoCheckoutAt", now.minus(Duration.ofDays(2)).plus(Duration.ofHours(1)).toString()),
                Map.of("id", tooOld.toString(), "venueId", venue.id().toString(), "venueName", "Cũ",
                        "checkedInAt", now.minus(Duration.ofDays(22)).toString()))));

        checkinReceived.start();
        Stored visit = checkIn(venue);
        List<Stored> stored = stored();
        assertEquals(List.of(visit.id(), older.toString()), stored.stream().map(Stored::id).toList(),
                "newest first, the 22-day-old visit pruned on the write");
        assertEquals("Cổng chính", visit.entranceName());
        assertEquals(venue.name(), visit.venueName());
        assertEquals(visit.checkedInAt().plus(Duration.ofHours(1)), visit.autoCheckoutAt(), "a supermarket's stay");

        // one site at this venue overlapping the visit, one at another venue that overlaps nothing of ours
        Instant in = visit.checkedInAt();
        ExposureFeedStub.Site site = site(venue, "Siêu thị Co.opmart Hải Dương", in.minus(Duration.ofMinutes(40)),
                in.plus(Duration.ofMinutes(20)), "Tự theo dõi sức khoẻ 14 ngày; nếu sốt hoặc ho, gọi trạm y tế phường Trần Phú.");
        ExposureFeedStub.publish(in.plus(Duration.ofMinutes(1)), List.of(site,
                site(elsewhere, "Chợ Hội Đô", in.minus(Duration.ofHours(30)), in.minus(Duration.ofHours(29)), null)));
        browser.clickAndWaitForTheNextPage(By.id("my-visits"));
        waitForResult("matches");

        WebElement warning = driver.findElement(By.cssSelector("#matches .alert"));
        assertEquals(1, driver.findElements(By.cssSelector("#matches .alert")).size());
        String text = warning.getText();
        assertTrue(text.contains("Cảnh báo: bạn đã ở cùng địa điểm, cùng thời gian với ca bệnh"), text);
        assertTrue(text.contains("Siêu thị Co.opmart Hải Dương"), text);
        assertTrue(text.contains(range(site.from(), site.to())), "the site's window in local time: " + text);
        assertTrue(text.contains(range(in, visit.autoCheckoutAt())), "the visit until its automatic end: " + text);
        assertTrue(text.contains("gọi trạm y tế phường Trần Phú"), "the site's advice: " + text);
        assertFalse(driver.findElement(By.id("none")).isDisplayed());
        assertFalse(driver.findElement(By.id("failed")).isDisplayed());
        List<WebElement> rows = driver.findElements(By.cssSelector("#list li"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getText().contains("chưa check-out"), rows.get(0).getText());
        assertTrue(rows.get(0).findElement(By.className("hit")).isDisplayed(), "the matching visit is marked");
        assertFalse(rows.get(1).findElement(By.className("hit")).isDisplayed(), "the other one is not");
        assertEquals(ExposureFeedStub.origin() + ExposureFeedStub.PAGE_PATH,
                driver.findElement(By.cssSelector("a[href$='" + ExposureFeedStub.PAGE_PATH + "']")).getAttribute("href"));
        screenshots("my-visits-warning");

        // the same in English (the browser may take the feed from its cache: max-age=60)
        driver.findElement(By.cssSelector("header a")).click();
        waitForResult("matches");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        String english = driver.findElement(By.cssSelector("#matches .alert")).getText();
        assertTrue(english.contains("Warning: you were at the same place at the same time as a case"), english);
        assertTrue(english.contains("When the case was there"), english);
        assertTrue(english.contains("What to do"), english);
        browser.screenshot("my-visits-warning-en-phone.png");

        assertPrivate(visit);
    }

    @Test
    void visitsThatOverlapNoPublishedSiteAreSaidNotToMatch() throws Exception {
        TestVenues.Venue venue = TestVenues.register("Nhà hàng Phố Biển", "RESTAURANT");
        TestVenues.Venue other = TestVenues.register("Nhà văn hoá khu 5", "OFFICE");
        checkinReceived.start();
        Stored visit = checkIn(venue);

        // checking out sets the stored visit's end to the time the check-out page shows
        browser.clickAndWaitForTheNextPage(By.cssSelector("form[action^='/c/out/'] button"));
        assertEquals("Đã check-out", driver.findElement(By.tagName("h1")).getText());
        Instant out = Instant.parse(driver.findElement(By.id("visit")).getAttribute("data-checked-out-at"));
        Stored ended = stored().get(0);
        assertEquals(out, ended.checkedOutAt());
        CheckedOut event = (CheckedOut) CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o
                && o.checkinId().toString().equals(visit.id())).get(0).event().payload();
        assertEquals(event.checkedOutAt().truncatedTo(ChronoUnit.MILLIS), out, "the server's check-out time");

        // a site at this venue after the visit ended (even after its automatic end), and one elsewhere during it
        Instant generated = out.plus(Duration.ofMinutes(7));
        ExposureFeedStub.publish(generated, List.of(
                site(venue, "Nhà hàng Phố Biển", visit.autoCheckoutAt().plus(Duration.ofMinutes(30)),
                        visit.autoCheckoutAt().plus(Duration.ofHours(3)), null),
                site(other, "Nhà văn hoá khu 5", visit.checkedInAt().minus(Duration.ofMinutes(5)),
                        visit.checkedInAt().plus(Duration.ofHours(2)), null)));
        browser.clickAndWaitForTheNextPage(By.id("my-visits"));
        waitForResult("none");

        String none = driver.findElement(By.id("none")).getText();
        assertTrue(none.contains("Không có lượt ghé nào của bạn trùng với các địa điểm có ca bệnh đã công bố."), none);
        assertTrue(none.contains(HM.format(generated) + ", " + DAY.format(generated)), "when the feed was generated: " + none);
        assertTrue(driver.findElements(By.cssSelector("#matches .alert")).isEmpty());
        String row = driver.findElement(By.cssSelector("#list li")).getText();
        assertTrue(row.contains("Nhà hàng Phố Biển") && row.contains(HM.format(out) + ", " + DAY.format(out)), row);
        assertFalse(row.contains("chưa check-out"), row);
        screenshots("my-visits-no-match");

        assertPrivate(visit);
    }

    @Test
    void whenTheFeedCannotBeReadThePageSaysSoAndNeverNoMatch() throws Exception {
        TestVenues.Venue venue = TestVenues.register("Bến xe khách Hải Dương", "TRANSPORT_HUB");
        checkinReceived.start();
        Stored visit = checkIn(venue);
        ExposureFeedStub.down();
        browser.clickAndWaitForTheNextPage(By.id("my-visits"));
        waitForResult("failed");

        String failed = driver.findElement(By.id("failed")).getText();
        assertTrue(failed.contains("Chưa kiểm tra được"), failed);
        assertFalse(driver.findElement(By.id("none")).isDisplayed(), "never 'no match' when the feed could not be read");
        assertFalse(driver.findElement(By.tagName("body")).getText().contains("Không có lượt ghé nào của bạn trùng"));
        browser.screenshot("my-visits-could-not-check-phone.png");

        // the feed is back: "try again" checks again
        ExposureFeedStub.publish(Instant.now(), List.of(site(venue, venue.name(), visit.checkedInAt().minus(Duration.ofMinutes(10)),
                visit.checkedInAt().plus(Duration.ofMinutes(10)), null)));
        driver.findElement(By.id("retry")).click();
        waitForResult("matches");
        String warning = driver.findElement(By.cssSelector("#matches .alert")).getText();
        assertTrue(warning.contains("Bến xe khách Hải Dương"), warning);
        assertTrue(warning.contains("đường dây nóng 1900 9095"), "the default advice when the site has none: " + warning);

        // forgetting everything empties the list and the storage
        driver.findElement(By.id("forget")).click();
        driver.switchTo().alert().accept();
        browser.waitUntil(d -> d.findElement(By.id("forgotten")).isDisplayed());
        assertTrue(driver.findElements(By.cssSelector("#list li")).isEmpty());
        assertTrue(driver.findElement(By.id("empty")).isDisplayed());
        assertFalse(driver.findElement(By.id("matches")).isDisplayed());
        assertNull(browser.js("return localStorage.getItem(arguments[0])", KEY));

        assertPrivate(visit);
    }

    @Test
    void withoutStorageThePagesStillWork() throws Exception {
        // as in a private window that refuses storage: every read of localStorage throws
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(window, 'localStorage', {get: function () {"
                        + " throw new DOMException('The user denied storage', 'SecurityError'); }});"));
        TestVenues.Venue venue = TestVenues.register("Trường THPT Nguyễn Trãi", "SCHOOL");
        driver.get(base + "c/" + venue.token());
        driver.findElement(By.id("phone")).sendKeys("0912 345 001");
        driver.findElement(By.id("consent")).click();
        browser.clickAndWaitForTheNextPage(By.cssSelector("button[type=submit]"));
        assertEquals("Đã khai báo thành công", driver.findElement(By.tagName("h1")).getText());
        browser.clickAndWaitForTheNextPage(By.cssSelector("form[action^='/c/out/'] button"));
        assertEquals("Đã check-out", driver.findElement(By.tagName("h1")).getText());

        browser.clickAndWaitForTheNextPage(By.id("my-visits"));
        browser.waitUntil(d -> d.findElement(By.id("nostore")).isDisplayed());
        assertTrue(driver.findElement(By.id("nostore")).getText().contains("không cho lưu dữ liệu"));
        assertTrue(driver.findElement(By.id("empty")).isDisplayed());
        assertTrue(ExposureFeedStub.received().isEmpty(), "nothing to match, nothing fetched");
    }

    /** Checks in through the real form and returns the visit the success page stored. */
    private Stored checkIn(TestVenues.Venue venue) throws IOException {
        driver.get(base + "c/" + venue.entranceToken());
        driver.findElement(By.id("phone")).sendKeys("0912 345 678");
        driver.findElement(By.id("name")).sendKeys("Trần Văn Bình");
        driver.findElement(By.id("consent")).click();
        browser.clickAndWaitForTheNextPage(By.cssSelector("button[type=submit]"));
        assertEquals("Đã khai báo thành công", driver.findElement(By.tagName("h1")).getText());
        String checkinId = driver.findElement(By.cssSelector("form[action^='/c/out/']")).getAttribute("action")
                .replaceAll(".*/c/out/", "");
        Stored visit = stored().stream().filter(v -> v.id().equals(checkinId)).findFirst().orElseThrow();
        assertEquals(venue.id().toString(), visit.venueId());
        assertNull(visit.checkedOutAt());
        // the time kept is the one the server recorded, and the page shows
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c
                && c.checkinId().toString().equals(checkinId)).get(0).event().payload();
        assertEquals(in.checkedInAt().truncatedTo(ChronoUnit.MILLIS), visit.checkedInAt());
        assertEquals(in.autoCheckoutAt().truncatedTo(ChronoUnit.MILLIS), visit.autoCheckoutAt());
        assertTrue(driver.findElement(By.id("visit")).getText().contains(HM.format(in.checkedInAt()) + ", " + DAY.format(in.checkedInAt())));
        return visit;
    }

    private List<Stored> stored() throws IOException {
        String raw = (String) browser.js("return localStorage.getItem(arguments[0])", KEY);
        List<Stored> visits = new ArrayList<>();
        for (JsonNode v : JSON.readTree(raw == null ? "[]" : raw)) {
            visits.add(new Stored(v.path("id").asText(), v.path("venueId").asText(), text(v, "venueName"),
                    text(v, "entranceName"), instant(v, "checkedInAt"), instant(v, "autoCheckoutAt"), instant(v, "checkedOutAt")));
        }
        return visits;
    }

    private static String text(JsonNode v, String field) {
        return v.hasNonNull(field) ? v.get(field).asText() : null;
    }

    private static Instant instant(JsonNode v, String field) {
        return v.hasNonNull(field) ? Instant.parse(v.get(field).asText()) : null;
    }

    private static ExposureFeedStub.Site site(TestVenues.Venue venue, String name, Instant from, Instant to, String advice) {
        return new ExposureFeedStub.Site(UUID.randomUUID(), venue.id(), name, "1 Test street, Hải Dương", "288", from, to,
                advice, to.plus(Duration.ofHours(1)));
    }

    /** How the pages show a window in local time: one day written once. */
    private static String range(Instant from, Instant to) {
        return DAY.format(from).equals(DAY.format(to))
                ? HM.format(from) + " – " + HM.format(to) + ", " + DAY.format(from)
                : HM.format(from) + ", " + DAY.format(from) + " – " + HM.format(to) + ", " + DAY.format(to);
    }

    private void waitForResult(String id) {
        browser.waitUntil(d -> d.findElement(By.id(id)).isDisplayed());
    }

    private void screenshots(String name) throws IOException {
        browser.screenshot(name + "-phone.png");
        browser.fullPageScreenshot(name + "-phone-full.png");
        browser.resize(Chromium.LAPTOP);
        browser.screenshot(name + "-laptop.png");
        browser.resize(Chromium.PHONE);
    }

    /**
     * What left the browser: the feed got only plain GETs of its one URL (no query, no body, no cookie, no referrer, and
     * no header carrying anything of the visit); this service got only the visitor's own form posts (the check-in and
     * the check-out button) and body-less GETs whose query is at most the language, none naming the visit.
     */
    private void assertPrivate(Stored visit) {
        List<String> secrets = new ArrayList<>(List.of(visit.id(), visit.venueId(), visit.checkedInAt().toString(),
                String.valueOf(visit.checkedInAt().toEpochMilli())));
        List<ExposureFeedStub.Received> feed = ExposureFeedStub.received();
        assertFalse(feed.isEmpty(), "the page read the feed");
        for (ExposureFeedStub.Received r : feed) {
            assertEquals("GET", r.method(), r.toString());
            assertEquals(ExposureFeedStub.FEED_PATH, r.path());
            assertNull(r.query(), "no query string");
            assertEquals(0, r.body().length, "no body");
            assertFalse(r.headers().containsKey("cookie"), "no cookie");
            assertFalse(r.headers().containsKey("referer"), "no referrer");
            String headers = r.headers().toString();
            secrets.forEach(s -> assertFalse(headers.contains(s), "a header names the visit: " + headers));
        }
        List<ReceivedRequests.Received> here = checkinReceived.stop();
        assertTrue(here.stream().anyMatch(r -> r.path().equals("/my-visits")), here.toString());
        List<ReceivedRequests.Received> posts = here.stream().filter(r -> !r.method().equals("GET")).toList();
        assertTrue(posts.size() <= 2, "only the visitor's own presses: " + posts);
        for (ReceivedRequests.Received r : posts) {
            assertEquals("POST", r.method(), r.toString());
            assertTrue(r.path().equals("/c/out/" + visit.id()) || (r.path().startsWith("/c/") && !r.path().startsWith("/c/out/")),
                    "only the check-in form and the check-out button post here: " + r);
        }
        for (ReceivedRequests.Received r : here) {
            if (r.method().equals("POST")) {
                continue;
            }
            assertEquals("GET", r.method(), r.toString());
            assertFalse(r.hasBody(), r.toString());
            assertTrue(r.query() == null || r.query().matches("lang=(vi|en)"), "no query but the language: " + r);
            secrets.forEach(s -> assertFalse(r.path().contains(s), "a request names the visit: " + r));
        }
    }
}
