package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.qr.QrToken;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.qrtrace.venue.VenueTestSupport.create;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;

@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class QrKeysTest {

    @Test
    void publicKeySetFollowsTheAgreedShape() {
        given().when().get("/api/v1/qr-keys").then().statusCode(200)
                .body("keys.kty", everyItem(equalTo("OKP")))
                .body("keys.crv", everyItem(equalTo("Ed25519")))
                .body("keys.status", hasItem("ACTIVE"))
                .body("keys[0].x", notNullValue())
                .body("keys[0].createdAt", notNullValue());
        List<String> statuses = given().when().get("/api/v1/qr-keys").then().extract().jsonPath().getList("keys.status");
        assertEquals(1, statuses.stream().filter("ACTIVE"::equals).count(), "exactly one active key");
    }

    @Test
    void rotatingTheSigningKeyKeepsOldCodesVerifiable() {
        String org = uniqueOrg();
        String id = create(org, "Bến xe Hải Dương", "TRANSPORT_HUB", "288", "Đường Thanh Niên");
        String token = TestTokens.venueManagerOfOrganisation(org);
        String before = given().auth().oauth2(token).when().get("/api/v1/venues/" + id).then().extract().path("qrUrl");
        QrToken oldToken = VenueTestSupport.verifyUrl(before);

        given().auth().oauth2(token).when().post("/api/v1/qr-keys/rotate").then().statusCode(403);
        given().when().post("/api/v1/qr-keys/rotate").then().statusCode(401);
        String newKid = given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/qr-keys/rotate")
                .then().statusCode(200).extract().path("kid");

        Map<String, String> statusByKid = new java.util.HashMap<>();
        List<Map<String, String>> keys = given().when().get("/api/v1/qr-keys").then().extract().jsonPath().getList("keys");
        keys.forEach(k -> statusByKid.put(k.get("kid"), k.get("status")));
        assertEquals("ACTIVE", statusByKid.get(newKid));
        assertEquals("RETIRED", statusByKid.get(oldToken.keyId()));

        // A poster printed before the rotation still verifies; new codes are signed with the new key, same version.
        assertEquals(oldToken, VenueTestSupport.verifyUrl(before));
        String after = given().auth().oauth2(token).when().get("/api/v1/venues/" + id).then().extract().path("qrUrl");
        QrToken newToken = VenueTestSupport.verifyUrl(after);
        assertEquals(newKid, newToken.keyId());
        assertEquals(oldToken.version(), newToken.version());
        assertNotEquals(before, after);
    }

    @Test
    void alteredTokenIsRejected() {
        String org = uniqueOrg();
        String id = create(org, "Nhà thờ Chính tòa", "RELIGIOUS", "288", "Phố Nhà Thờ");
        String url = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues/" + id)
                .then().extract().path("qrUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);
        char[] chars = token.toCharArray();
        int i = 30;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        var keys = VenueTestSupport.publishedKeys();
        var e = assertThrows(QrToken.InvalidQrTokenException.class, () -> QrToken.verify(new String(chars), keys::get));
        assertEquals(QrToken.Failure.BAD_SIGNATURE, e.failure());
    }
}
