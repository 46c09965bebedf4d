package org.qrtrace.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.QrTestKeys;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.events.QrKeyRotated;
import org.qrtrace.events.QrTokenRevoked;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.qr.QrKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Each class of refused QR code gets its own 4xx (503 for a venue not known yet) with the reason in {@code token}. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class TokenRulesTest {

    static Response checkIn(String token, String phone) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "phone", phone)).post("/api/v1/checkins");
    }

    static void assertRefused(Response r, int status, String reason) {
        r.then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo("token"))
                .body("errors[0].message", startsWith(reason + ":"));
    }

    static void awaitStatus(String token, String phone, int status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> checkIn(token, phone).statusCode() == status);
    }

    @Test
    void malformedAlteredAndForgedCodesAre400() {
        TestVenues.Venue venue = TestVenues.register("Khách sạn Hoa Mai", "HOTEL");
        assertRefused(checkIn("not-a-token!", "0912345678"), 400, "MALFORMED");
        assertRefused(checkIn("AQ" + "A".repeat(40), "0912345678"), 400, "MALFORMED");
        String token = venue.token();
        char last = token.charAt(token.length() - 5);
        String altered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
        assertRefused(checkIn(altered, "0912345678"), 400, "FORGED");
        String forged = TestVenues.sign(venue.id(), null, 1, "attacker", QrKeys.generate().getPrivate());
        assertRefused(checkIn(forged, "0912345678"), 400, "FORGED");
        checkIn(venue.token(), "0912345678").then().statusCode(201);
    }

    @Test
    void aKeyCreatedAfterStartUpIsFetchedWhenACodeNamesIt() {
        TestVenues.Venue venue = TestVenues.register("Nhà nghỉ Bình An", "LODGING");
        String kid = "new-" + UUID.randomUUID().toString().substring(0, 8);
        var key = QrTestKeys.add(kid);
        String token = TestVenues.sign(venue.id(), null, 1, kid, key);
        awaitStatus(token, "0912345670", 201);
    }

    @Test
    void anOlderVersionIsValidDuringTheGracePeriodAndSupersededAfterIt() {
        TestVenues.Venue venue = TestVenues.register("Văn phòng Sở Y tế", "OFFICE");
        String v1 = venue.token(null, 1);
        TestVenues.publish(new QrKeyRotated(venue.id(), null, 2, Instant.now().plus(Duration.ofHours(1))));
        awaitApplied(venue);
        checkIn(v1, "0912345001").then().statusCode(201);

        TestVenues.publish(new QrKeyRotated(venue.id(), null, 3, Instant.now().minusSeconds(1)));
        awaitStatus(venue.token(null, 2), "0912345002", 410);
        assertRefused(checkIn(v1, "0912345003"), 410, "SUPERSEDED");
        assertRefused(checkIn(venue.token(null, 2), "0912345004"), 410, "SUPERSEDED");
        checkIn(venue.token(null, 3), "0912345005").then().statusCode(201);
        // the entrance's own code has its own versions and is not affected
        checkIn(venue.entranceToken(), "0912345006").then().statusCode(201);
    }

    @Test
    void revokedCodesAndClosedVenuesAre410() {
        TestVenues.Venue venue = TestVenues.register("Trường Tiểu học", "SCHOOL");
        TestVenues.publish(new QrTokenRevoked(venue.id(), venue.entranceId(), 1, "poster stolen"));
        awaitStatus(venue.entranceToken(), "0912345101", 410);
        assertRefused(checkIn(venue.entranceToken(), "0912345102"), 410, "REVOKED");
        checkIn(venue.token(), "0912345103").then().statusCode(201);

        TestVenues.publish(new VenueClosed(venue.id(), Instant.now(), "closed by order"));
        awaitStatus(venue.token(), "0912345104", 410);
        assertRefused(checkIn(venue.token(), "0912345105"), 410, "VENUE_CLOSED");
    }

    @Test
    void aVenueNotKnownYetIs503WithRetryAfter() {
        String token = TestVenues.sign(UUID.randomUUID(), null, 1, QrTestKeys.PRIMARY, QrTestKeys.primary());
        Response r = checkIn(token, "0912345678");
        assertRefused(r, 503, "VENUE_UNKNOWN");
        r.then().header("Retry-After", notNullValue());
    }

    /** Waits until the service applied every venue event published so far (a venue's events are read in order). */
    private static void awaitApplied(TestVenues.Venue venue) {
        UUID marker = UUID.randomUUID();
        TestVenues.publish(new QrTokenRevoked(venue.id(), marker, 1, "marker"));
        String token = venue.token(marker, 1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/c/" + token).statusCode() == 410);
    }
}
