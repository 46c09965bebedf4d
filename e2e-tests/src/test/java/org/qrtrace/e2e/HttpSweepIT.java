package org.qrtrace.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps every endpoint each service documents in its OpenAPI with malformed bodies, wrong content types, huge and
 * deeply nested payloads, bad ids and bad query values, with and without a token: no answer may be a 5xx, and every
 * 4xx of an API must be problem+json (the visitor's HTML page may answer HTML).
 */
class HttpSweepIT {

    static LocalStack stack;

    @BeforeAll
    static void system() throws Exception {
        stack = LocalStack.shared();
    }

    static final String DEEP = "[".repeat(5000) + "]".repeat(5000);
    static final String HUGE = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
    static final List<String> BAD_IDS = List.of(UUID.randomUUID().toString(), "not-a-uuid", "%2e%2e%2f%2e%2e%2fetc", "x".repeat(3000), "-1");
    static final List<String[]> BODIES = List.of(
            new String[] {"application/json", "{"},
            new String[] {"application/json", "[]"},
            new String[] {"application/json", "null"},
            new String[] {"application/json", "{\"name\":123,\"from\":\"yesterday\",\"depth\":\"deep\",\"scans\":{},\"token\":[]}"},
            new String[] {"application/json", DEEP},
            new String[] {"application/json", HUGE},
            new String[] {"text/plain", "hello"},
            new String[] {"application/xml", "<a/>"},
            new String[] {"text/csv", "name,category\n=cmd|' /C calc'!A0,OFFICE\n"});

    @Test
    void noEndpointAnswers5xxAndEvery4xxIsAProblem() {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        String admin = stack.token("admin", null, null);
        for (String base : List.of(stack.venueUrl(), stack.checkinUrl(), stack.tracingUrl())) {
            JsonPath openapi = given().accept(ContentType.JSON).get(base + "/q/openapi?format=json").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Map<String, Object>> paths = openapi.getMap("paths");
            for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
                for (String method : path.getValue().keySet()) {
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                        continue;
                    }
                    for (String url : urls(base, path.getKey())) {
                        for (String token : new String[] {null, admin}) {
                            if (method.equals("get") || method.equals("delete")) {
                                requests++;
                                check(failures, method, url, spec(token).queryParam("from", "yesterday")
                                        .queryParam("to", "9999-99-99").queryParam("date", "x").queryParam("page", "-1")
                                        .queryParam("size", "999999999").queryParam("adminUnitCode", "%27%3B%20drop%20table%20venue%3B--")
                                        .request(method, url));
                                continue;
                            }
                            for (String[] body : BODIES) {
                                requests++;
                                check(failures, method + " " + body[0] + " " + body[1].substring(0, Math.min(20, body[1].length())),
                                        url, spec(token).contentType(body[0]).body(body[1]).request(method, url));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(requests > 100, "the sweep found too few endpoints: " + requests);
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " requests broke the rules:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /**
     * The path with each bad id in one path parameter at a time, the others a well-formed unknown id: a finding names
     * the parameter, and a request line stays under the HTTP layer's 4 KB limit (beyond it Vert.x answers a bare 414
     * before any handler runs; docs/architecture.md, "What every service promises").
     */
    static List<String> urls(String base, String template) {
        java.util.regex.Matcher params = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(template);
        int count = (int) params.results().count();
        List<String> urls = new java.util.ArrayList<>();
        for (int slot = 0; slot < Math.max(count, 1); slot++) {
            for (String id : BAD_IDS) {
                int[] at = {0};
                final int bad = slot;
                String path = java.util.regex.Pattern.compile("\\{[^}]+}").matcher(template).replaceAll(m ->
                        java.util.regex.Matcher.quoteReplacement(at[0]++ == bad ? id : UUID.randomUUID().toString()));
                urls.add(base + path);
            }
        }
        return urls;
    }

    private static RequestSpecification spec(String token) {
        RequestSpecification spec = given().urlEncodingEnabled(false);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static void check(List<String> failures, String what, String url, Response response) {
        int status = response.statusCode();
        String type = String.valueOf(response.contentType());
        String shortUrl = url.length() > 120 ? url.substring(0, 120) + "..." : url;
        if (status >= 500) {
            failures.add(status + " " + what + " " + shortUrl + " -> " + abbreviate(response.asString()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")
                && !(url.contains("/c/") && type.startsWith("text/html"))) {
            failures.add(status + " not problem+json (" + type + ") " + what + " " + shortUrl);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
