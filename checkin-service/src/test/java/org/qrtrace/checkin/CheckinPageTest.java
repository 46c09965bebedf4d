package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.checkin.support.ExposureFeedStub;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.QrTokenRevoked;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check-in page over HTTP: languages, security headers, form posts, friendly error pages. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class CheckinPageTest {

    private static final Pattern CHECKOUT = Pattern.compile("action=\"/c/out/([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("name=\"k\" value=\"([A-Za-z0-9_-]+)\"");

    /** A browser posts the form of a UTF-8 page in UTF-8. */
    static io.restassured.specification.RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void thePageIsVietnameseByDefaultEnglishOnRequestAndLocksDownWhatItLoads() {
        TestVenues.Venue venue = TestVenues.register("Bệnh viện Nhi", "HOSPITAL");
        Response vi = given().get("/c/" + venue.entranceToken());
        vi.then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("Bệnh viện Nhi"))
                .body(containsString("Cổng chính"))
                .body(containsString("Số điện thoại (bắt buộc)"))
                .body(containsString("<label for=\"phone\">"))
                .body(containsString("href=\"?lang=en\""))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
        String csp = vi.header("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertFalse(csp.contains("http"), "no third-party source in the CSP: " + csp);
        assertFalse(vi.asString().contains("http://") || vi.asString().contains("https://"), "nothing loaded from elsewhere");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find());
        assertTrue(vi.asString().contains("<script nonce=\"" + nonce.group(1) + "\">"), "the inline script carries the nonce");
        assertTrue(vi.asString().length() < 20_000, "a small page for cheap phones: " + vi.asString().length() + " bytes");

        given().header("Accept-Language", "en-GB,en;q=0.9,vi;q=0.5").get("/c/" + venue.token())
                .then().statusCode(200).body(containsString("<html lang=\"en\">")).body(containsString("Phone number (required)"));
        given().header("Accept-Language", "en").get("/c/" + venue.token() + "?lang=vi")
                .then().statusCode(200).body(containsString("<html lang=\"vi\">"));
        given().header("Accept-Language", "fr-FR").get("/c/" + venue.token())
                .then().statusCode(200).body(containsString("<html lang=\"vi\">"));
    }

    @Test
    void badCodesGetAFriendlyPageNotJson() {
        TestVenues.Venue venue = TestVenues.register("Khu trọ Tân Bình", "LODGING");
        given().get("/c/not-a-real-code").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("Mã QR này không phải mã khai báo")).body(not(containsString("problem")));
        TestVenues.publish(new QrTokenRevoked(venue.id(), null, 1, "reprinted"));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/c/" + venue.token()).statusCode() == 410);
        given().header("Accept-Language", "en").get("/c/" + venue.token()).then().statusCode(410)
                .contentType(startsWith("text/html")).body(containsString("This QR code has been withdrawn"));
        form().formParam("phone", "0912345678").formParam("consent", "1").post("/c/" + venue.token())
                .then().statusCode(410).contentType(startsWith("text/html"));
    }

    @Test
    void theFormChecksInWithDeclarationAndDependantsAndTheButtonChecksOut() {
        TestVenues.Venue venue = TestVenues.register("Siêu thị Co.op", "SUPERMARKET");
        String idem = UUID.randomUUID().toString();
        Response ok = form().formParam("idem", idem).formParam("lang", "vi").formParam("phone", "0917 000 001")
                .formParam("name", "Trần Văn C").formParam("symptoms", "FEVER").formParam("symptoms", "COUGH")
                .formParam("travelledFrom", "Hà Nội").formParam("contactWithCase", "no")
                .formParam("depName", "Trần Thị D").formParam("depPhone", "").formParam("depName", "").formParam("depPhone", "")
                .formParam("consent", "1")
                .post("/c/" + venue.token());
        ok.then().statusCode(200).contentType(startsWith("text/html")).body(containsString("Đã khai báo thành công"))
                .body(containsString("Siêu thị Co.op"));
        Matcher m = CHECKOUT.matcher(ok.asString());
        assertTrue(m.find());
        UUID checkinId = UUID.fromString(m.group(1));
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId))
                .get(0).event().payload();
        assertEquals(CheckedIn.Source.WEB, in.source());
        assertEquals(List.of("FEVER", "COUGH"), in.declaration().symptoms());
        assertEquals("Hà Nội", in.declaration().travelledFrom());
        assertEquals(Boolean.FALSE, in.declaration().contactWithCase());
        assertEquals(1, in.dependants().size());

        // a double submit of the same form is the same check-in
        Response again = form().formParam("idem", idem).formParam("phone", "0917 000 001").formParam("name", "Trần Văn C")
                .formParam("consent", "1").post("/c/" + venue.token());
        again.then().statusCode(200).body(containsString(checkinId.toString()));

        Matcher k = SECRET.matcher(ok.asString());
        assertTrue(k.find());
        form().formParam("k", k.group(1)).formParam("lang", "en").post("/c/out/" + checkinId)
                .then().statusCode(200).contentType(startsWith("text/html")).body(containsString("You are checked out"));
        assertEquals(1, CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o && o.checkinId().equals(checkinId)).size());
        form().formParam("k", "forged").post("/c/out/" + checkinId).then().statusCode(404)
                .contentType(startsWith("text/html")).body(containsString("Liên kết check-out không hợp lệ"));
    }

    @Test
    void theSuccessAndCheckoutPagesHandTheVisitToTheBrowserAndLinkToMyVisits() {
        TestVenues.Venue venue = TestVenues.register("Nhà thuốc Long Châu", "SUPERMARKET");
        Response ok = form().formParam("lang", "en").formParam("phone", "0917 000 009").formParam("consent", "1")
                .post("/c/" + venue.entranceToken());
        ok.then().statusCode(200)
                .body(containsString("data-venue-id=\"" + venue.id() + "\""))
                .body(containsString("data-venue-name=\"Nhà thuốc Long Châu\""))
                .body(containsString("data-entrance-name=\"Cổng chính\""))
                .body(containsString("<a id=\"my-visits\" href=\"/my-visits?lang=en\">My visits</a>"))
                .body(containsString("<script src=\"/js/visits.js\"></script>"));
        Matcher m = CHECKOUT.matcher(ok.asString());
        assertTrue(m.find());
        UUID checkinId = UUID.fromString(m.group(1));
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId))
                .get(0).event().payload();
        // the server's own times, to the millisecond, for the browser to keep
        ok.then().body(containsString("data-checkin-id=\"" + checkinId + "\""))
                .body(containsString("data-checked-in-at=\"" + in.checkedInAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\""))
                .body(containsString("data-auto-checkout-at=\"" + in.autoCheckoutAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\""));
        String csp = ok.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self' 'nonce-"), csp);
        assertFalse(csp.contains("connect-src"), "the success page connects nowhere: " + csp);
        Matcher k = SECRET.matcher(ok.asString());
        assertTrue(k.find());
        assertEquals(1, ok.asString().split(Pattern.quote(k.group(1)), -1).length - 1, "the check-out secret only in its form");

        form().formParam("k", k.group(1)).post("/c/out/" + checkinId).then().statusCode(200)
                .body(containsString("data-checkin-id=\"" + checkinId + "\""))
                .body(containsString("data-checked-out-at=\""))
                .body(containsString("<a id=\"my-visits\" href=\"/my-visits?lang=vi\">Lượt ghé của tôi</a>"));
    }

    @Test
    void theMyVisitsPageIsTheSameForEveryoneAndMayConnectOnlyToTheFeed() {
        Response vi = given().get("/my-visits");
        vi.then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("<h1>Lượt ghé của tôi</h1>"))
                .body(containsString("href=\"?lang=en\""))
                .body(containsString("data-feed=\"" + ExposureFeedStub.origin() + ExposureFeedStub.FEED_PATH + "\""))
                .body(containsString("href=\"" + ExposureFeedStub.origin() + ExposureFeedStub.PAGE_PATH + "\""))
                .body(containsString("data-stay-minutes=\"120\""))
                .body(containsString("data-tz-offset-minutes=\"420\""))
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
        String csp = vi.header("Content-Security-Policy");
        assertTrue(csp.startsWith("default-src 'none'"), csp);
        assertTrue(csp.contains("; script-src 'self' 'nonce-"), csp);
        assertTrue(csp.contains("; connect-src " + ExposureFeedStub.origin() + ";"), "only the feed's origin: " + csp);
        Matcher scripts = Pattern.compile("<script[^>]*>").matcher(vi.asString());
        while (scripts.find()) {
            assertEquals("<script src=\"/js/visits.js\">", scripts.group(), "no inline script on this page");
        }
        assertTrue(vi.asString().length() < 20_000, "a small page for cheap phones: " + vi.asString().length() + " bytes");
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/my-visits").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("<h1>My visits</h1>"));
        given().get("/my-visits?lang=en").then().statusCode(200).body(containsString("None of your visits match"));

        Response script = given().get("/js/visits.js");
        script.then().statusCode(200).contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age=3600"));
        assertTrue(script.asString().length() < 16_000, "a small script: " + script.asString().length() + " bytes");
        assertTrue(script.asString().contains("credentials: 'omit'"));
    }

    @Test
    void mistakesComeBackOnTheFormWithWhatToFix() {
        TestVenues.Venue venue = TestVenues.register("Văn phòng công ty", "OFFICE");
        form().formParam("phone", "12345").formParam("name", "Lê Văn E").formParam("consent", "1").post("/c/" + venue.token())
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("Số điện thoại không hợp lệ"))
                .body(containsString("value=\"Lê Văn E\""));
        form().formParam("phone", "0912345678").post("/c/" + venue.token())
                .then().statusCode(400).body(containsString("Vui lòng đánh dấu ô đồng ý"));
        assertTrue(CheckinEvents.matching(e -> e.payload().venueId().equals(venue.id())).isEmpty());
    }
}
