package org.qrtrace.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stack's real Keycloak (realm qrtrace imported from deploy/keycloak) signs the demo users in, and the three
 * services accept its tokens, with the roles and jurisdiction its mappers put in them, beside the development signer.
 */
class KeycloakSignInIT {

    static LocalStack stack;
    static JsonPath users;

    @BeforeAll
    static void setUp() throws Exception {
        stack = LocalStack.shared();
        users = JsonPath.from(stack.demoUsers());
    }

    private static String tokenOf(String role) {
        return stack.keycloakToken(users.getString(role + ".username"), users.getString(role + ".password"));
    }

    @Test
    void demoUsersAreListedWithTheirClaims() {
        assertEquals("officer-hd", users.getString("health-officer.username"));
        assertEquals("30", users.getString("health-officer.jurisdiction"));
        assertEquals("01", users.getString("health-officer-other-province.jurisdiction"));
        assertEquals("demo-org", users.getString("venue-manager.org"));
        assertEquals(stack.keycloakIssuer(), users.getString("keycloak.issuer"));
        for (String role : List.of("admin", "venue-manager", "health-officer", "gate-device")) {
            assertEquals(true, users.getString(role + ".password").length() > 0, role);
        }
    }

    @Test
    void everyServiceAcceptsAKeycloakTokenWithItsRolesAndJurisdiction() {
        String officer = tokenOf("health-officer");
        for (String url : List.of(stack.venueUrl(), stack.checkinUrl(), stack.tracingUrl())) {
            given().auth().oauth2(officer).get(url + "/api/v1/whoami").then().statusCode(200)
                    .body("subject", equalTo("officer-hd")).body("roles", equalTo(List.of("health-officer")))
                    .body("jurisdiction", equalTo("30"));
        }
        given().auth().oauth2(tokenOf("venue-manager")).get(stack.venueUrl() + "/api/v1/whoami").then()
                .statusCode(200).body("roles", equalTo(List.of("venue-manager"))).body("organisation", equalTo("demo-org"));
        // The development signer is still trusted beside Keycloak.
        given().auth().oauth2(stack.token("admin", null, null)).get(stack.tracingUrl() + "/api/v1/whoami").then()
                .statusCode(200).body("roles", equalTo(List.of("admin")));
    }

    @Test
    void anOfficerSignedInThroughKeycloakSeesOnlyTheirJurisdiction() {
        String officer = tokenOf("health-officer");
        String other = tokenOf("health-officer-other-province");
        String caseId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "HD-KC-" + UUID.randomUUID().toString().substring(0, 8),
                        "phone", "0912000779", "confirmedAt", Instant.now().toString(), "adminUnitCode", "288"))
                .post(stack.tracingUrl() + "/api/v1/cases").then().statusCode(201).extract().path("id");

        given().auth().oauth2(officer).get(stack.tracingUrl() + "/api/v1/cases/" + caseId).then().statusCode(200)
                .body("id", equalTo(caseId));
        given().auth().oauth2(other).get(stack.tracingUrl() + "/api/v1/cases/" + caseId).then().statusCode(403);
        given().auth().oauth2(other).queryParam("adminUnitCode", "30").get(stack.tracingUrl() + "/api/v1/cases")
                .then().statusCode(403).body("detail", containsString("outside your jurisdiction"));
    }

    @Test
    void aTamperedKeycloakTokenOrAWrongPasswordIsRefused() {
        String officer = tokenOf("health-officer");
        String[] parts = officer.split("\\.");
        // The payload of officer-hn's token under officer-hd's signature.
        String forged = parts[0] + "." + tokenOf("health-officer-other-province").split("\\.")[1] + "." + parts[2];
        given().auth().oauth2(forged).get(stack.tracingUrl() + "/api/v1/whoami").then().statusCode(401);

        given().formParam("grant_type", "password").formParam("client_id", "qrtrace-cli")
                .formParam("username", "officer-hd").formParam("password", "not-the-password")
                .post(stack.keycloakIssuer() + "/protocol/openid-connect/token").then().statusCode(401)
                .body("error", equalTo("invalid_grant"));
    }
}
