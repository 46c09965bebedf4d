package org.qrtrace.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every protected endpoint x every role, against the running system: none (anonymous visitor), venue-manager of this
 * venue / of another venue, gate-device of this / another venue, health-officer of this jurisdiction / another,
 * admin. Each cell is ALLOW (2xx), UNAUTHENTICATED (401) or DENY (403, or 404 where the resource is not revealed).
 */
class AuthorizationMatrixIT {

    enum Expect { ALLOW, UNAUTHENTICATED, DENY }

    static final Expect A = Expect.ALLOW;
    static final Expect U = Expect.UNAUTHENTICATED;
    static final Expect D = Expect.DENY;
    static final List<String> ROLES = List.of("none", "manager", "otherManager", "gate", "otherGate", "officer",
            "otherOfficer", "admin");

    static LocalStack stack;
    static String venueId;
    static String otherVenueId;
    static String venueToken;
    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        stack = LocalStack.shared();
        String admin = stack.token("admin", null, null);
        JsonPath venue = createVenue(admin, "Trường THCS Lê Quý Đôn " + UUID.randomUUID().toString().substring(0, 6));
        JsonPath other = createVenue(admin, "Nhà hàng Sen " + UUID.randomUUID().toString().substring(0, 6));
        venueId = venue.getString("id");
        otherVenueId = other.getString("id");
        String qrUrl = venue.getString("qrUrl");
        venueToken = qrUrl.substring(qrUrl.lastIndexOf('/') + 1);
        stack.awaitVenueKnown(venueId, qrUrl);
        stack.awaitVenueKnown(otherVenueId, other.getString("qrUrl"));
        TOKENS.put("manager", stack.token("venue-manager", List.of(venueId), null));
        TOKENS.put("otherManager", stack.token("venue-manager", List.of(otherVenueId), null));
        TOKENS.put("gate", stack.token("gate-device", List.of(venueId), null));
        TOKENS.put("otherGate", stack.token("gate-device", List.of(otherVenueId), null));
        TOKENS.put("officer", stack.token("health-officer", null, "30"));
        TOKENS.put("otherOfficer", stack.token("health-officer", null, "74"));
        TOKENS.put("admin", admin);
        caseId = given().auth().oauth2(TOKENS.get("officer")).contentType(ContentType.JSON)
                .body(Map.of("caseReference", "HD-AUTHZ-CASE-" + UUID.randomUUID().toString().substring(0, 8),
                        "phone", "0912000778", "confirmedAt", Instant.now().toString(), "adminUnitCode", "288"))
                .when().post(stack.tracingUrl() + "/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    static String caseId;

    record Row(String method, String url, String body, List<Expect> expected) {
    }

    @Test
    void everyEndpointAllowsExactlyTheRightRoles() {
        String v = stack.venueUrl();
        String c = stack.checkinUrl();
        String t = stack.tracingUrl();
        String now = Instant.now().toString();
        String hourAgo = Instant.now().minusSeconds(3600).toString();
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String update = "{\"name\":\"Trường THCS Lê Quý Đôn\",\"category\":\"SCHOOL\",\"adminUnitCode\":\"288\","
                + "\"address\":\"1 Phố Chi Lăng\",\"contactPhone\":\"0220 3890 000\",\"capacity\":900}";
        String gateBatch = "{\"deviceId\":\"gate-m\",\"scans\":[{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"token\":\""
                + venueToken + "\",\"phone\":\"0912000777\",\"direction\":\"IN\",\"scannedAt\":\"" + now + "\"}]}";
        String exposure = "{\"caseReference\":\"HD-AUTHZ-1\",\"phone\":\"0912000777\",\"from\":\"" + hourAgo + "\",\"to\":\""
                + now + "\",\"depth\":1}";
        //                                                        none manager other gate otherGate officer otherOff admin
        List<Row> rows = List.of(
                new Row("GET", v + "/api/v1/venues", null, List.of(U, A, A, D, D, D, D, A)),
                new Row("GET", v + "/api/v1/venues/" + venueId, null, List.of(U, A, D, D, D, D, D, A)),
                new Row("PUT", v + "/api/v1/venues/" + venueId, update, List.of(U, A, D, D, D, D, D, A)),
                new Row("GET", v + "/api/v1/venues/" + venueId + "/poster.png", null, List.of(U, A, D, D, D, D, D, A)),
                new Row("POST", v + "/api/v1/venues/" + venueId + "/qr/rotate", null, List.of(U, A, D, D, D, D, D, A)),
                new Row("POST", v + "/api/v1/qr-keys/rotate", null, List.of(U, D, D, D, D, D, D, A)),
                new Row("GET", v + "/api/v1/qr-keys", null, List.of(A, A, A, A, A, A, A, A)),
                new Row("GET", v + "/api/v1/admin-units", null, List.of(A, A, A, A, A, A, A, A)),
                new Row("POST", c + "/api/v1/gate/batches", gateBatch, List.of(U, D, D, A, D, D, D, D)),
                new Row("POST", t + "/api/v1/exposure-queries", exposure, List.of(U, D, D, D, D, A, A, D)),
                new Row("GET", t + "/api/v1/venues/" + venueId + "/presence?from=" + hourAgo + "&to=" + now
                        + "&caseReference=HD-AUTHZ-1", null, List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/reports/daily?date=" + today + "&adminUnitCode=30", null,
                        List.of(U, D, D, D, D, A, D, A)),
                new Row("GET", t + "/api/v1/audit", null, List.of(U, D, D, D, D, D, D, A)),
                new Row("GET", t + "/api/v1/audit/verify", null, List.of(U, D, D, D, D, D, D, A)),
                new Row("GET", t + "/api/v1/retention/deletions", null, List.of(U, D, D, D, D, D, D, A)),
                new Row("POST", t + "/api/v1/cases", "{\"caseReference\":\"HD-AUTHZ-" + UUID.randomUUID() + "\",\"phone\":"
                        + "\"0912000779\",\"confirmedAt\":\"" + now + "\",\"adminUnitCode\":\"288\"}",
                        List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/cases?adminUnitCode=30", null, List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/clusters?adminUnitCode=30", null, List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/cases/" + caseId, null, List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/cases/" + caseId + "/chain", null, List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/cases/" + caseId + "/contacts", null, List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/cases/" + caseId + "/notifications/preview", null,
                        List.of(U, D, D, D, D, A, D, D)),
                new Row("POST", t + "/api/v1/cases/" + caseId + "/notifications", "{\"tiers\":[\"F1\"]}",
                        List.of(U, D, D, D, D, A, D, D)),
                new Row("POST", t + "/api/v1/exposure-sites", "{\"caseId\":\"" + caseId + "\",\"venueId\":\"" + venueId
                        + "\",\"from\":\"" + hourAgo + "\",\"to\":\"" + now + "\"}", List.of(U, D, D, D, D, A, D, D)),
                new Row("GET", t + "/api/v1/exposure-sites", null, List.of(A, A, A, A, A, A, A, A)),
                new Row("GET", t + "/exposure-sites", null, List.of(A, A, A, A, A, A, A, A)));

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                RequestSpecification spec = given().urlEncodingEnabled(true);
                if (TOKENS.containsKey(role)) {
                    spec = spec.auth().oauth2(TOKENS.get(role));
                }
                if (row.body() != null) {
                    spec = spec.contentType(ContentType.JSON).body(row.body());
                }
                Response r = spec.when().request(row.method(), row.url());
                Expect got = row.url().endsWith("/gate/batches") ? classifyGateBatch(r) : classify(r.statusCode());
                if (got != row.expected().get(i)) {
                    wrong.add(String.format("%-4s %s as %s: expected %s, got %d %s", row.method(),
                            row.url().replace(v, "{venue}").replace(c, "{checkin}").replace(t, "{tracing}"), role,
                            row.expected().get(i), r.statusCode(), abbreviate(r.asString())));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " cells of the authorization matrix are wrong:\n" + String.join("\n", wrong));
    }

    /**
     * A gate batch answers 200 with a verdict per scan (one bad item never rejects the others): a device scanning for a
     * venue it is not bound to gets every item REJECTED.
     */
    private static Expect classifyGateBatch(Response r) {
        if (r.statusCode() != 200) {
            return classify(r.statusCode());
        }
        String status = r.jsonPath().getString("results[0].status");
        return "REJECTED".equals(status) ? Expect.DENY : "ACCEPTED".equals(status) ? Expect.ALLOW : null;
    }

    private static Expect classify(int status) {
        if (status >= 200 && status < 300) {
            return Expect.ALLOW;
        }
        if (status == 401) {
            return Expect.UNAUTHENTICATED;
        }
        if (status == 403 || status == 404) {
            return Expect.DENY;
        }
        return null;
    }

    private static JsonPath createVenue(String admin, String name) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "category", "SCHOOL", "adminUnitCode", "288", "address", "1 Phố Chi Lăng",
                        "contactPhone", "0220 3890 000", "capacity", 900, "entrances", List.of(Map.of("name", "Cổng chính"))))
                .when().post(stack.venueUrl() + "/api/v1/venues").then().statusCode(201).extract().jsonPath();
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
