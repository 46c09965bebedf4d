package org.qrtrace.venue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.qr.QrKeys;
import org.qrtrace.events.qr.QrToken;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared helpers of the integration tests: a unique organisation per test keeps their data apart. */
final class VenueTestSupport {

    private VenueTestSupport() {
    }

    static String uniqueOrg() {
        return "org-" + UUID.randomUUID();
    }

    static String venueJson(String name, String category, String adminUnitCode, String address, String... entrances) {
        StringBuilder e = new StringBuilder("[");
        for (int i = 0; i < entrances.length; i++) {
            e.append(i > 0 ? "," : "").append("{\"name\":\"").append(entrances[i]).append("\"}");
        }
        e.append(']');
        return "{\"name\":\"" + name + "\",\"category\":\"" + category + "\",\"adminUnitCode\":\"" + adminUnitCode
                + "\",\"address\":\"" + address + "\",\"contactPhone\":\"0220 3890 000\",\"capacity\":800,"
                + "\"entrances\":" + e + "}";
    }

    static ValidatableResponse post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    /** Registers a venue as a manager of {@code org}; returns its id. */
    static String create(String org, String name, String category, String adminUnitCode, String address,
                         String... entrances) {
        return post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson(name, category, adminUnitCode, address, entrances))
                .statusCode(201).extract().path("id");
    }

    /** The published keys, as a verifier (checkin-service) would load them. */
    static Map<String, PublicKey> publishedKeys() {
        List<Map<String, String>> keys = given().when().get("/api/v1/qr-keys").then().statusCode(200)
                .extract().jsonPath().getList("keys");
        Map<String, PublicKey> out = new HashMap<>();
        for (Map<String, String> k : keys) {
            out.put(k.get("kid"), QrKeys.fromJwkX(k.get("x")));
        }
        return out;
    }

    static QrToken verifyUrl(String qrUrl) {
        String prefix = "http://127.0.0.1:8082/c/";
        if (!qrUrl.startsWith(prefix)) {
            throw new AssertionError("QR URL not under the public base URL: " + qrUrl);
        }
        return QrToken.verify(qrUrl.substring(prefix.length()), publishedKeys()::get);
    }
}
