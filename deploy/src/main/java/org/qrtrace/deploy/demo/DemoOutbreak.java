package org.qrtrace.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qrtrace.deploy.DevKeys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo outbreak's next steps, as the province's health officer would take them through the public API
 * ({@code ./deploy/demo-outbreak} on a stack started with {@code --demo}): open the index person's case (or find it when
 * already open), run the exposure query under its reference (its contacts become the case's contacts), tell the F1
 * contacts by SMS, and follow the messages until the local SMSC has answered for them. Running it again messages
 * nobody twice.
 */
public final class DemoOutbreak {

    /** The index person of the outbreak {@link DemoLoader} loads, and the case reference the demo gives them. */
    public static final String INDEX_PHONE = "0912999001";
    public static final String CASE_REFERENCE = "HD-DEMO-0001";
    /** Thành phố Hải Dương, where the outbreak's market is; the officer covers province 30. */
    static final String CASE_UNIT = "288";
    static final String OFFICER_JURISDICTION = "30";
    private static final ZoneId VN = DemoLoader.VN;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tracingUrl;
    private final String smscMessagesUrl;
    private final String officer;

    DemoOutbreak(Path stack, String tracingUrl, String smscMessagesUrl) {
        this.tracingUrl = tracingUrl;
        this.smscMessagesUrl = smscMessagesUrl;
        this.officer = DevKeys.loadOrCreate(stack.resolve("keys"))
                .mint("health-officer", List.of(), OFFICER_JURISDICTION, null, Duration.ofHours(1));
    }

    public static void main(String[] args) throws Exception {
        String tracing = System.getenv().getOrDefault("TRACING_URL", "http://127.0.0.1:8083");
        String messages = System.getenv().getOrDefault("SMSC_MESSAGES_URL", "http://127.0.0.1:2776/messages");
        int days = Integer.parseInt(System.getenv().getOrDefault("DEMO_DAYS", "7"));
        new DemoOutbreak(Path.of(args[0]), tracing, messages).run(days);
    }

    void run(int days) throws Exception {
        String caseId = openCase();
        LocalDate today = LocalDate.now(VN);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("caseReference", CASE_REFERENCE);
        query.put("phone", INDEX_PHONE);
        query.put("from", ZonedDateTime.of(today.minusDays(days), LocalTime.MIDNIGHT, VN).toInstant().toString());
        query.put("to", Instant.now().toString());
        query.put("bufferMinutes", 30);
        query.put("minOverlapMinutes", 15);
        query.put("depth", 2);
        JsonNode result = send("POST", "/api/v1/exposure-queries", query, 200);
        Map<String, Integer> tiers = new TreeMap<>();
        result.path("contacts").forEach(c -> tiers.merge(c.path("tier").asText(), 1, Integer::sum));
        System.out.println("2. Exposure query under " + CASE_REFERENCE + ": " + tiers.getOrDefault("F1", 0) + " F1 and "
                + tiers.getOrDefault("F2", 0) + " F2 contacts, now the case's contacts");

        JsonNode notified = send("POST", "/api/v1/cases/" + caseId + "/notifications",
                Map.of("tiers", List.of("F1"), "language", "vi"), 202);
        System.out.println("3. Notify F1 by SMS: " + notified.path("queued").asInt() + " queued, "
                + notified.path("alreadyNotified").asInt() + " already notified, " + notified.path("unreachable").asInt()
                + " unreachable, " + notified.path("outsideJurisdiction").asInt() + " outside the jurisdiction");

        Map<String, Integer> statuses = Map.of();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            statuses = notificationStatuses(caseId);
            if (!statuses.containsKey("QUEUED") && !statuses.containsKey("SENDING") && !statuses.containsKey("SUBMITTED")) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.println("4. Messages to the F1 contacts: " + statuses
                + (statuses.containsKey("QUEUED") ? "  (still QUEUED: outside the sending hours or the SMSC is down; "
                + "they go when it opens)" : ""));
        System.out.println();
        System.out.println("In the console:    " + System.getenv().getOrDefault("CONSOLE_URL", "http://127.0.0.1:8084")
                + "/cases/" + caseId + "   (sign in as officer-hd, password demo-officer-hd: DEVELOPMENT ONLY)");
        System.out.println("The case:          curl -s -H \"Authorization: Bearer $TOKEN\" " + tracingUrl + "/api/v1/cases/" + caseId);
        System.out.println("Its contacts:      curl -s -H \"Authorization: Bearer $TOKEN\" " + tracingUrl + "/api/v1/cases/" + caseId + "/contacts");
        System.out.println("  (TOKEN: the health-officer token in target/local-stack/dev-tokens.json)");
        System.out.println("What the SMSC got: curl -s " + smscMessagesUrl + "   (log: target/local-stack/smsc/messages.jsonl)");
    }

    /** Opens the case; when a case with the demo's reference already exists (a second run), finds it instead. */
    private String openCase() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseReference", CASE_REFERENCE);
        body.put("phone", INDEX_PHONE);
        body.put("confirmedAt", Instant.now().minus(Duration.ofHours(2)).toString());
        body.put("adminUnitCode", CASE_UNIT);
        HttpResponse<String> created = request("POST", "/api/v1/cases", body);
        if (created.statusCode() == 201) {
            String id = json.readTree(created.body()).path("id").asText();
            System.out.println("1. Case " + CASE_REFERENCE + " opened: " + id);
            return id;
        }
        if (created.statusCode() != 409) {
            throw new IOException("POST /api/v1/cases answered " + created.statusCode() + ": " + created.body());
        }
        for (JsonNode c : send("GET", "/api/v1/cases?adminUnitCode=" + OFFICER_JURISDICTION, null, 200)) {
            if (CASE_REFERENCE.equals(c.path("caseReference").asText())) {
                System.out.println("1. Case " + CASE_REFERENCE + " was already open: " + c.path("id").asText());
                return c.path("id").asText();
            }
        }
        throw new IOException("case " + CASE_REFERENCE + " exists but is not in the list of province " + OFFICER_JURISDICTION);
    }

    private Map<String, Integer> notificationStatuses(String caseId) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        for (JsonNode contact : send("GET", "/api/v1/cases/" + caseId + "/contacts", null, 200)) {
            if ("F1".equals(contact.path("tier").asText()) && contact.hasNonNull("notification")) {
                out.merge(contact.path("notification").path("status").asText(), 1, Integer::sum);
            }
        }
        return out;
    }

    private JsonNode send(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = request(method, path, body);
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> request(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tracingUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + officer).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
