package org.qrtrace.testing;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every service promises (docs/architecture.md, "What every service promises"): readiness that checks its real dependencies,
 * metrics, OpenAPI, problem+json errors with a correlation id, and JWT authentication and role checks. Each service
 * runs it as a {@code @QuarkusTest} subclass against real PostgreSQL and Kafka.
 */
public abstract class PlatformContract {

    /** Names of the readiness checks that must be UP (e.g. the database and Kafka). */
    protected abstract List<String> readinessChecks();

    /** A request to a protected endpoint: method and path. */
    protected abstract String[] protectedEndpoint();

    /** A valid token whose role may not call {@link #protectedEndpoint()}. */
    protected abstract String tokenWithWrongRole();

    /** The path of an endpoint that accepts a JSON body by POST. */
    protected abstract String postEndpoint();

    /** The service's own {@code quarkus.http.limits.max-body-size}, in bytes. */
    protected abstract long maxBodySize();

    @Test
    void readinessChecksRealDependencies() {
        var checks = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .extract().jsonPath().<String>getList("checks.name");
        for (String expected : readinessChecks()) {
            org.junit.jupiter.api.Assertions.assertTrue(checks.stream().anyMatch(c -> c.contains(expected)),
                    () -> "no readiness check named like '" + expected + "' in " + checks);
        }
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().accept(ContentType.JSON).when().get("/q/openapi").then().statusCode(200).body("openapi", notNullValue());
    }

    @Test
    void unknownPathIsProblemJsonWithCorrelationId() {
        given().header("X-Correlation-Id", "test-correlation-0001")
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Correlation-Id", "test-correlation-0001")
                .body("status", equalTo(404));
    }

    @Test
    void protectedEndpointWithoutTokenIs401ProblemJson() {
        request(null).then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void expiredOrForeignTokenIs401() {
        request(TestTokens.expired("admin")).then().statusCode(401).contentType("application/problem+json");
        request("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").then().statusCode(401);
    }

    @Test
    void wrongRoleIs403ProblemJson() {
        request(tokenWithWrongRole()).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void oversizedBodyIs413ProblemJson() {
        // One byte over the limit: a fixed size would be under the limit of a service that accepts large bodies.
        String prefix = "{\"x\":\"";
        String suffix = "\"}";
        String body = prefix + "a".repeat(Math.toIntExact(maxBodySize() + 1 - prefix.length() - suffix.length())) + suffix;
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post(postEndpoint())
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void whoAmIReadsTheTokenClaims() {
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/whoami")
                .then().statusCode(200)
                .body("roles", hasItem("health-officer"))
                .body("jurisdiction", equalTo("30"));
        given().auth().oauth2(TestTokens.token("venue-manager",
                        List.of("3f1c2b8e-0000-4000-8000-000000000001"), null, "org-1"))
                .when().get("/api/v1/whoami")
                .then().statusCode(200)
                .body("venues", hasItems("3f1c2b8e-0000-4000-8000-000000000001"))
                .body("organisation", equalTo("org-1"));
    }

    private io.restassured.response.Response request(String token) {
        String[] endpoint = protectedEndpoint();
        var spec = given().contentType(ContentType.JSON).body(endpoint.length > 2 ? endpoint[2] : "{}");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.when().request(endpoint[0], endpoint[1]);
    }
}
