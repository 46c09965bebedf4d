package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.qrtrace.events.AdminUnitPopulationSet;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.Topics;
import org.qrtrace.events.kafka.EventDeserializer;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.testing.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Population per unit: data a province maintains, set by admins, kept with its history, shown on the unit, and
 * published on venue.events. Hải Dương's own figure (1,705,059 in 2021) replaces the 2019 census's 1,892,254 as the
 * current one; the census figure stays in the history.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class AdminUnitPopulationTest {

    static final String HAI_DUONG_ORDER = "Quyết định của UBND tỉnh Hải Dương";

    static ValidatableResponse put(String token, String code, String edition, String json) {
        var request = given().contentType(ContentType.JSON).body(json);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (edition != null) {
            request = request.queryParam("edition", edition);
        }
        return request.when().put("/api/v1/admin-units/" + code + "/population").then();
    }

    static String figure(long count, int year, String source) {
        return "{\"count\":" + count + ",\"year\":" + year + ",\"source\":\"" + source + "\"}";
    }

    @Test
    void anAdminSetsAProvincesOwnFigureKeptWithItsHistoryAndPublished() {
        Instant setAt = Instant.parse(put(TestTokens.admin(), "30", "2025-03-01", figure(1_705_059, 2021, HAI_DUONG_ORDER))
                .statusCode(200).contentType(ContentType.JSON)
                .body("edition", equalTo("2025-03-01")).body("code", equalTo("30"))
                .body("count", equalTo(1_705_059)).body("year", equalTo(2021)).body("source", equalTo(HAI_DUONG_ORDER))
                .body("setBy", notNullValue()).body("setAt", notNullValue())
                .extract().path("setAt"));

        // The history, newest first: the province's figure, and below it the 2019 census seed. Public, no setter shown.
        var history = given().when().get("/api/v1/admin-units/30/population").then().statusCode(200)
                .body("edition", equalTo("2025-03-01")).body("code", equalTo("30")).body("name", equalTo("Tỉnh Hải Dương"))
                .body("items[0].count", equalTo(1_705_059)).body("items[0].source", equalTo(HAI_DUONG_ORDER))
                .body("items[0].setBy", nullValue())
                .body("items.count", hasItems(1_705_059, 1_892_254))
                .extract().jsonPath();
        List<Integer> years = history.getList("items.year");
        assertEquals(2019, years.get(years.size() - 1), "the census seed is the oldest figure");

        // The unit shows its current figure with year and source.
        given().queryParam("at", "2025-06-15").when().get("/api/v1/admin-units/30").then().statusCode(200)
                .body("units[0].population.count", equalTo(1_705_059))
                .body("units[0].population.year", equalTo(2021))
                .body("units[0].population.source", equalTo(HAI_DUONG_ORDER));

        // ... and it is on venue.events, keyed by the unit's code.
        AdminUnitPopulationSet event = awaitEvent("30", setAt);
        assertEquals(new AdminUnitPopulationSet("2025-03-01", "30", 1_705_059, 2021, HAI_DUONG_ORDER, setAt), event);
    }

    @Test
    void theUnitIsOfTheEditionInForceUnlessOneIsNamed() {
        String source = "Cục Thống kê thành phố Hải Phòng " + UUID.randomUUID().toString().substring(0, 8);
        put(TestTokens.admin(), "31", null, figure(4_664_124, 2025, source)).statusCode(200)
                .body("edition", equalTo("2025-07-01"));
        given().when().get("/api/v1/admin-units/31/population").then().statusCode(200)
                .body("edition", equalTo("2025-07-01")).body("items[0].source", equalTo(source));
        put(TestTokens.admin(), "31", "2025-03-01", figure(2_053_493, 2022, source)).statusCode(200)
                .body("edition", equalTo("2025-03-01"));
        given().queryParam("edition", "2025-03-01").when().get("/api/v1/admin-units/31/population").then()
                .statusCode(200).body("name", equalTo("Thành phố Hải Phòng")).body("items[0].count", equalTo(2_053_493));

        // 30 is not a unit of the list in force: the answer says which edition has it.
        put(TestTokens.admin(), "30", null, figure(1_705_059, 2021, HAI_DUONG_ORDER)).statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"))
                .body("detail", containsString("edition=2025-03-01"));
        put(TestTokens.admin(), "99999", null, figure(1, 2021, "x")).statusCode(404).body("errors[0].field", equalTo("code"));
        put(TestTokens.admin(), "31", "2024-01-01", figure(1, 2021, "x")).statusCode(400)
                .body("errors[0].field", equalTo("edition"));
        given().when().get("/api/v1/admin-units/99999/population").then().statusCode(404)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void onlyAdminsSetAndEveryRuleNamesItsField() {
        put(TestTokens.venueManagerOfOrganisation(VenueTestSupport.uniqueOrg()), "31", null, figure(1, 2021, "x"))
                .statusCode(403).contentType("application/problem+json");
        put(TestTokens.healthOfficer("31"), "31", null, figure(1, 2021, "x")).statusCode(403);
        put(null, "31", null, figure(1, 2021, "x")).statusCode(401).contentType("application/problem+json");

        String admin = TestTokens.admin();
        int afterNextYear = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear() + 2;
        put(admin, "31", null, figure(0, 2021, "x")).statusCode(400).body("errors[0].field", equalTo("count"));
        put(admin, "31", null, figure(-5, 2021, "x")).statusCode(400).body("errors[0].field", equalTo("count"));
        put(admin, "31", null, figure(10, 1899, "x")).statusCode(400).body("errors[0].field", equalTo("year"));
        put(admin, "31", null, figure(10, afterNextYear, "x")).statusCode(400).body("errors[0].field", equalTo("year"));
        put(admin, "31", null, figure(10, 2021, " ")).statusCode(400).body("errors[0].field", equalTo("source"));
        put(admin, "31", null, figure(10, 2021, "s".repeat(201))).statusCode(400).body("errors[0].field", equalTo("source"));
        put(admin, "31", null, figure(10, 2021, "a\\u0007b")).statusCode(400).body("errors[0].field", equalTo("source"));
        put(admin, "31", null, "{\"year\":2021,\"source\":\"x\"}").statusCode(400).body("errors[0].field", equalTo("count"));
        put(admin, "31", null, "{\"count\":\"many\",\"year\":2021,\"source\":\"x\"}").statusCode(400)
                .body("errors[0].field", equalTo("count"));
        put(admin, "31", null, "").statusCode(400).contentType("application/problem+json");
    }

    /** Reads venue.events from the start until the population event of {@code code} set at {@code setAt} arrives. */
    static AdminUnitPopulationSet awaitEvent(String code, Instant setAt) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "population-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<AdminUnitPopulationSet> found = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.VENUE_EVENTS));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (ConsumerRecord<String, EventEnvelope> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.key().equals(code) && r.value().payload() instanceof AdminUnitPopulationSet p
                            && p.setAt().equals(setAt)) {
                        found.add(p);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
