package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.CheckinEvents;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.deploy.DevSecrets;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/checkins} and check-out against the real broker: events are read back from the topic. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class CheckinApiTest {

    static final DevSecrets SECRETS = TestTokens.secrets();

    @Inject
    Clock clock;

    static Map<String, Object> body(String token, String phone) {
        return Map.of("token", token, "phone", phone, "name", "Nguyễn Văn A",
                "declaration", Map.of("symptoms", List.of("COUGH"), "contactWithCase", false),
                "dependants", List.of(Map.of("name", "Nguyễn Thị B")));
    }

    static Response post(Object body, String idempotencyKey) {
        var spec = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            spec = spec.header("Idempotency-Key", idempotencyKey);
        }
        return spec.when().post("/api/v1/checkins");
    }

    @Test
    void checkInIsAcknowledgedAfterKafkaAndTheEventCarriesOnlyPseudonymAndSealedContact() {
        TestVenues.Venue venue = TestVenues.register("Siêu thị Hải Dương", "SUPERMARKET");
        Instant before = Instant.now();
        Response r = post(body(venue.entranceToken(), "0912 345 678"), null);
        r.then().statusCode(201).contentType(ContentType.JSON)
                .body("venueId", equalTo(venue.id().toString()))
                .body("venueName", equalTo("Siêu thị Hải Dương"))
                .body("entranceName", equalTo("Cổng chính"))
                .body("dependants", equalTo(1))
                .body("checkoutUrl", startsWith("/api/v1/checkins/" + r.path("checkinId") + "/checkout?k="));
        UUID checkinId = UUID.fromString(r.path("checkinId"));
        Instant checkedInAt = Instant.parse(r.path("checkedInAt"));
        assertEquals(Duration.ofHours(1), Duration.between(checkedInAt, Instant.parse(r.path("autoCheckoutAt"))),
                "a supermarket visit ends after one hour by default");
        assertFalse(checkedInAt.isBefore(before.minusSeconds(1)));

        var events = CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId));
        assertEquals(1, events.size());
        var recorded = events.get(0);
        CheckedIn event = (CheckedIn) recorded.event().payload();
        assertEquals(venue.id().toString(), recorded.key(), "Kafka key = venue id");
        assertEquals(venue.entranceId(), event.entranceId());
        assertEquals(CheckedIn.Source.API, event.source());
        E164Phone phone = E164Phone.parse("+84912345678");
        assertEquals(Pseudonymiser.fromBase64(SECRETS.get("QRTRACE_PEPPER")).pseudonymOf(phone), event.pseudonym());
        SealedContact contact = SealedContact.open(ContactSeal.privateKeyFromBase64(SECRETS.get("QRTRACE_SEAL_PRIVATE_KEY")),
                event.sealedContact());
        assertEquals("+84912345678", contact.phone());
        assertEquals("Nguyễn Văn A", contact.name());
        assertFalse(recorded.json().contains("912345678"), "no plain phone on the topic");
        assertFalse(recorded.json().contains("Nguyễn"), "no plain name on the topic");
        assertEquals(List.of("COUGH"), event.declaration().symptoms());
        assertEquals(1, event.dependants().size());
        assertEquals(event.autoCheckoutAt(), Instant.parse(r.path("autoCheckoutAt")));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameAnswerAndNoSecondEvent() {
        TestVenues.Venue venue = TestVenues.register("Văn phòng UBND", "OFFICE");
        String key = UUID.randomUUID().toString();
        String first = post(body(venue.token(), "0987654321"), key).then().statusCode(201).extract().asString();
        String second = post(body(venue.token(), "0987654321"), key).then().statusCode(201).extract().asString();
        assertEquals(first, second, "the same response body for a retry");
        UUID checkinId = UUID.fromString(io.restassured.path.json.JsonPath.from(first).getString("checkinId"));
        assertEquals(1, CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId)).size());

        // the same key for somebody else is a client bug, not the same check-in
        post(body(venue.token(), "0987654322"), key).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void theSamePersonWithinTheDuplicateWindowIsTheSameVisit() {
        TestVenues.Venue venue = TestVenues.register("Bệnh viện Đa khoa", "HOSPITAL");
        Response first = post(body(venue.token(), "0911111111"), null);
        first.then().statusCode(201);
        // at another entrance, after the first was acknowledged: the open visit keeps no answer, it is made again
        Response again = post(body(venue.entranceToken(), "+84 911 111 111"), null);
        again.then().statusCode(200).body("checkinId", equalTo(first.path("checkinId")));
        assertEquals(first.asString(), again.asString(), "the first answer: its entrance, times, dependants and link");
        UUID checkinId = UUID.fromString(first.path("checkinId"));
        assertEquals(1, CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.venueId().equals(venue.id())).size());
        assertEquals(Duration.ofHours(4), Duration.between(Instant.parse(first.path("checkedInAt")),
                Instant.parse(first.path("autoCheckoutAt"))));
        // another person is another visit
        post(body(venue.token(), "0911111112"), null).then().statusCode(201);
        assertEquals(2, CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.venueId().equals(venue.id())).size());
        assertEquals(1, CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId)).size());

        // the link of the repeated scan's answer ends the visit
        given().post(again.<String>path("checkoutUrl")).then().statusCode(200).body("checkinId", equalTo(checkinId.toString()));
        var outs = CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o && o.checkinId().equals(checkinId));
        assertEquals(1, outs.size());
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId))
                .get(0).event().payload();
        assertEquals(in.pseudonym(), ((CheckedOut) outs.get(0).event().payload()).pseudonym());
        assertEquals(venue.id(), ((CheckedOut) outs.get(0).event().payload()).venueId());
    }

    @Test
    void badInputNamesTheField() {
        TestVenues.Venue venue = TestVenues.register("Trường THCS", "SCHOOL");
        post(body(venue.token(), "12345"), null).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("phone")).body("detail", notNullValue());
        post(Map.of("token", venue.token()), null).then().statusCode(400).body("errors.field", hasItem("phone"));
        post(Map.of("phone", "0912345678"), null).then().statusCode(400).body("errors.field", hasItem("token"));
        post(Map.of("token", venue.token(), "phone", "0912345678", "dependants", List.of(Map.of("phone", "12"))), null)
                .then().statusCode(400).body("errors.field", hasItem("dependants[0].phone"))
                .body("errors.field", hasItem("dependants[0].name"));
        post(body(venue.token(), "0912345678"), "bad key with spaces").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        given().contentType(ContentType.JSON).body("{\"token\":").post("/api/v1/checkins").then().statusCode(400)
                .contentType("application/problem+json");
        assertTrue(CheckinEvents.matching(e -> e.payload().venueId().equals(venue.id())).isEmpty(),
                "nothing recorded for rejected input");
    }

    @Test
    void noPhoneOrNameReachesTheLog() throws Exception {
        TestVenues.Venue venue = TestVenues.register("Quán cà phê", "RESTAURANT");
        Map<String, Object> visitor = Map.of("token", venue.token(), "phone", "0919 246 813", "name", "Đặng Riêng Tư",
                "dependants", List.of(Map.of("name", "Bé Bí Mật", "phone", "0919 246 814")));
        post(visitor, null).then().statusCode(201);
        post(Map.of("token", venue.token(), "phone", "0919 246 81", "name", "Đặng Riêng Tư"), null).then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("phone", "0919 246 815")
                .formParam("name", "Đặng Riêng Tư").formParam("consent", "1").post("/c/" + venue.token()).then().statusCode(200);
        // Lines reach the file in the order they are logged: once this one is there, so is all the requests logged.
        String checkpoint = "log checkpoint " + UUID.randomUUID();
        Logger.getLogger(CheckinApiTest.class).info(checkpoint);
        Path file = Path.of("target", "quarkus-test.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains(checkpoint));
        String log = Files.readString(file);
        assertTrue(log.contains("checkin-service"), "the test log is written");
        for (String secret : List.of("919246813", "919246814", "919246815", "0919 246", "Riêng Tư", "Bí Mật")) {
            assertFalse(log.contains(secret), "personal data in the log: " + secret);
        }
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"token\":\"" + "a".repeat(600_000) + "\",\"phone\":\"0912345678\"}";
        int status = given().contentType(ContentType.JSON).body(huge).post("/api/v1/checkins").statusCode();
        assertEquals(413, status);
    }

    @Test
    void checkoutLinkEndsTheVisitOnceAndPublishesCheckedOut() {
        TestVenues.Venue venue = TestVenues.register("Nhà hàng Sen", "RESTAURANT");
        Response r = post(body(venue.token(), "0933333333"), null);
        r.then().statusCode(201);
        String url = r.path("checkoutUrl");
        UUID checkinId = UUID.fromString(r.path("checkinId"));

        String first = given().post(url).then().statusCode(200).body("checkinId", equalTo(checkinId.toString()))
                .extract().asString();
        String again = given().post(url).then().statusCode(200).extract().asString();
        assertEquals(first, again, "a repeated click answers the first check-out");
        var outs = CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o && o.checkinId().equals(checkinId));
        assertEquals(1, outs.size());
        CheckedOut out = (CheckedOut) outs.get(0).event().payload();
        assertEquals(venue.id(), out.venueId());
        assertEquals(CheckedOut.Source.VISITOR, out.source());
        CheckedIn in = (CheckedIn) CheckinEvents.matching(e -> e.payload() instanceof CheckedIn c && c.checkinId().equals(checkinId))
                .get(0).event().payload();
        assertEquals(in.pseudonym(), out.pseudonym());

        // after checking out, scanning again is a new visit
        post(body(venue.token(), "0933333333"), null).then().statusCode(201);

        String tampered = url.substring(0, url.length() - 3) + (url.endsWith("AAA") ? "BBB" : "AAA");
        given().post(tampered).then().statusCode(404).contentType("application/problem+json");
        given().post("/api/v1/checkins/" + UUID.randomUUID() + "/checkout?k=" + url.substring(url.indexOf("k=") + 2))
                .then().statusCode(404);
        given().post("/api/v1/checkins/not-a-uuid/checkout?k=x").then().statusCode(400).body("errors[0].field", equalTo("checkinId"));
        given().post("/api/v1/checkins/" + checkinId + "/checkout").then().statusCode(400).body("errors[0].field", equalTo("k"));
    }

    @Test
    void aCheckoutAfterTheVisitEndedByItselfIsRefused() {
        TestVenues.Venue venue = TestVenues.register("Điểm thử", "TEST_INSTANT");
        Response r = post(body(venue.token(), "0934444444"), null);
        r.then().statusCode(201);
        Instant autoCheckoutAt = Instant.parse(r.path("autoCheckoutAt"));
        assertEquals(Duration.ofSeconds(1), Duration.between(Instant.parse(r.path("checkedInAt")), autoCheckoutAt),
                "the configured stay of the category");
        // Wait on the service's clock, not on the link: a check-out before the end would end the visit.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !clock.instant().isBefore(autoCheckoutAt));
        given().post(r.<String>path("checkoutUrl")).then().statusCode(409).contentType("application/problem+json");
        UUID checkinId = UUID.fromString(r.path("checkinId"));
        assertTrue(CheckinEvents.matching(e -> e.payload() instanceof CheckedOut o && o.checkinId().equals(checkinId)).isEmpty());
    }

    @Test
    void tooManyCheckInsWithOneCodeAre429WithRetryAfter() {
        TestVenues.Venue venue = TestVenues.register("Chợ Phú Lương", "MARKET");
        String token = venue.token();
        int accepted = 0;
        Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response r = post(body(token, String.format("09120000%02d", i)), null);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(201, r.statusCode());
                accepted++;
            }
        }
        assertTrue(limited != null, "the per-code limit was never reached");
        assertTrue(accepted >= 10, "the burst is allowed first");
        limited.then().contentType("application/problem+json").header("Retry-After", notNullValue());
    }
}
