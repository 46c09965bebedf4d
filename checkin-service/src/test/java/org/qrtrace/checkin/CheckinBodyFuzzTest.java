package org.qrtrace.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.support.TestVenues;
import org.qrtrace.checkin.support.VenueServiceStub;
import org.qrtrace.testing.RealInfraTestResource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the public check-in body through the running service (real Kafka): valid bodies with random structural
 * mutations (a field removed, nulled, replaced by a value of another type, a huge or nasty string, a huge number, an
 * unknown field, deep nesting) and random byte-level damage of the JSON text. Whatever arrives: never a 5xx; every 4xx
 * is problem+json; a 400 for well-formed JSON names the field; a 201 is a real check-in. The cases come from a seeded
 * random generator (jqwik's cannot run inside a Quarkus test); the seed is printed so that a failure can be replayed
 * ({@code -Dqrtrace.fuzz.seed=...}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "checkin"))
@QuarkusTestResource(VenueServiceStub.class)
class CheckinBodyFuzzTest {

    static final int CASES = 300;
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String NASTY = ",\"\\/<>{}[]:'=+-@ \t\r\n\u0000\u0007\u00a0\uFEFF\u200băâđêôơưĐƯ😷";
    static final List<String> PATHS = List.of("token", "phone", "name", "declaration", "declaration.symptoms",
            "declaration.symptoms.0", "declaration.travelledFrom", "declaration.contactWithCase", "dependants",
            "dependants.0", "dependants.0.name", "dependants.0.phone", "");

    @Test
    void noBodyMakesTheServiceFailAndEveryRefusalIsAProblemNamingTheField() throws Exception {
        long seed = Long.getLong("qrtrace.fuzz.seed", new Random().nextLong());
        System.out.println("CheckinBodyFuzzTest seed = " + seed);
        Random random = new Random(seed);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestVenues.Venue venue = TestVenues.register("Quán phở số " + i, "RESTAURANT");
            tokens.add(venue.token());
            tokens.add(venue.entranceToken());
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < CASES; i++) {
            ObjectNode body = valid(tokens.get(i % tokens.size()), i);
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(body, PATHS.get(random.nextInt(PATHS.size())), random.nextInt(4), random);
            }
            String text = JSON.writeValueAsString(body);
            boolean wellFormed = random.nextInt(5) > 0;
            if (!wellFormed) {
                text = damage(text, random);
            }
            Response r = given().contentType(ContentType.JSON).body(text).post("/api/v1/checkins");
            int status = r.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String what = "case " + i + " (seed " + seed + "): " + text + " -> " + status + " " + r.asString();
            assertTrue(status < 500, what);
            if (status >= 400) {
                assertTrue(r.contentType().startsWith("application/problem+json"), what);
                assertEquals(status, r.jsonPath().getInt("status"), what);
                if (status == 400 && wellFormed) {
                    List<String> fields = r.jsonPath().getList("errors.field");
                    assertNotNull(fields, what);
                    assertFalse(fields.isEmpty(), what);
                    assertTrue(fields.stream().allMatch(f -> f != null && !f.isBlank()), what);
                }
            } else {
                assertTrue(status == 200 || status == 201, what);
                assertNotNull(r.jsonPath().getString("checkinId"), what);
            }
        }
        System.out.println("CheckinBodyFuzzTest statuses: " + statuses);
        assertTrue(statuses.getOrDefault(201, 0) > 0, "the fuzzing reached accepted check-ins: " + statuses);
        assertTrue(statuses.getOrDefault(400, 0) > CASES / 3, "and refusals of bad input: " + statuses);
    }

    static ObjectNode valid(String token, int i) {
        ObjectNode body = NODES.objectNode();
        body.put("token", token);
        body.put("phone", String.format("0912%06d", i));
        body.put("name", "Nguyễn Văn A");
        ObjectNode declaration = body.putObject("declaration");
        declaration.putArray("symptoms").add("COUGH");
        declaration.put("travelledFrom", "Hà Nội");
        declaration.put("contactWithCase", false);
        body.putArray("dependants").addObject().put("name", "Nguyễn Thị B");
        return body;
    }

    /** how: 0 remove, 1 null, 2 replace with a generated value, 3 add an unknown member next to it. */
    static void mutate(ObjectNode body, String path, int how, Random random) {
        String[] parts = path.isEmpty() ? new String[0] : path.split("\\.");
        JsonNode parent = body;
        for (int i = 0; i < parts.length - 1 && parent != null; i++) {
            parent = parent.isArray() ? (parts[i].matches("\\d+") ? parent.get(Integer.parseInt(parts[i])) : null)
                    : parent.get(parts[i]);
        }
        JsonNode value = value(random);
        if (parts.length == 0) {
            body.set("unknown" + random.nextInt(3), value);
        } else if (parent instanceof ObjectNode object) {
            String name = parts[parts.length - 1];
            switch (how) {
                case 0 -> object.remove(name);
                case 1 -> object.putNull(name);
                case 2 -> object.set(name, value);
                default -> object.set(name + "X", value);
            }
        } else if (parent instanceof ArrayNode array && parts[parts.length - 1].matches("\\d+")) {
            int index = Integer.parseInt(parts[parts.length - 1]);
            switch (how) {
                case 0 -> {
                    if (index < array.size()) {
                        array.remove(index);
                    }
                }
                case 1 -> array.insertNull(Math.min(index, array.size()));
                default -> array.insert(Math.min(index, array.size()), value);
            }
        }
    }

    /** Byte-level damage: cut the text, or insert/replace a character anywhere. */
    static String damage(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        char c = NASTY.charAt(random.nextInt(NASTY.length()));
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + c + text.substring(at);
            default -> at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text + c;
        };
    }

    /** A random JSON value: nasty or long strings, odd numbers, booleans, arrays, deep nesting, empty objects. */
    static JsonNode value(Random random) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> {
                StringBuilder sb = new StringBuilder();
                for (int i = random.nextInt(61); i > 0; i--) {
                    sb.append(random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : NASTY.charAt(random.nextInt(NASTY.length())));
                }
                yield NODES.textNode(sb.toString());
            }
            case 4 -> NODES.textNode("9".repeat(33 + random.nextInt(5000)));
            case 5 -> NODES.numberNode(random.nextInt());
            case 6 -> NODES.numberNode(List.of(new BigDecimal("1e400"), new BigDecimal("-0.0"),
                    new BigDecimal("123456789012345678901234567890")).get(random.nextInt(3)));
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(61); i > 0; i--) {
                    a.add(i % 2 == 0 ? NODES.textNode("x" + i) : NODES.objectNode().put("name", "x" + i));
                }
                yield a;
            }
            default -> {
                JsonNode node = random.nextBoolean() ? NODES.objectNode() : NODES.textNode("deep");
                for (int i = random.nextInt(400); i > 0; i--) {
                    node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
                }
                yield node;
            }
        };
    }
}
