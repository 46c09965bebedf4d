package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The administrative units of both editions of the official list, asked for two days: 2025-06-15 (the three-level list
 * of 2025-03-01 in force: 63 provinces, Hải Dương 30 among them) and 2026-12-04 (the two-level list of 2025-07-01: 34
 * provinces, Hải Dương merged into Hải Phòng 31). The days are passed explicitly; only the default day is today.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class AdminUnitApiTest {

    static final String BEFORE = "2025-06-15";
    static final String AFTER = "2026-12-04";

    @Test
    void listsTheUnitsInForceOnTheDayAsked() {
        given().queryParam("at", BEFORE).queryParam("level", "province").when().get("/api/v1/admin-units").then()
                .statusCode(200)
                .body("at", equalTo(BEFORE))
                .body("dataVersion", equalTo("2025-03-01"))
                .body("edition.id", equalTo("2025-03-01")).body("edition.from", nullValue())
                .body("edition.to", equalTo("2025-07-01"))
                .body("items", hasSize(63))
                .body("items.code", hasItems("30", "31", "74", "84", "20", "72"))
                .body("items.level", everyItem(equalTo("PROVINCE")));
        given().queryParam("at", AFTER).queryParam("level", "PROVINCE").when().get("/api/v1/admin-units").then()
                .statusCode(200)
                .body("edition.id", equalTo("2025-07-01")).body("edition.from", equalTo("2025-07-01"))
                .body("edition.to", nullValue())
                .body("items", hasSize(34))
                .body("items.code", hasItem("31")).body("items.code", not(hasItem("30")))
                .body("items.find { it.code == '31' }.name", equalTo("Thành phố Hải Phòng"));
    }

    @Test
    void keepsTheFiltersWithinTheDaysEdition() {
        given().queryParam("at", BEFORE).queryParam("parentCode", "30").when().get("/api/v1/admin-units").then()
                .statusCode(200).body("items", hasSize(12)).body("items.code", hasItem("288"));
        given().queryParam("at", BEFORE).queryParam("within", "30").queryParam("level", "DISTRICT")
                .when().get("/api/v1/admin-units").then().statusCode(200).body("items", hasSize(12));
        given().queryParam("at", AFTER).queryParam("parentCode", "31").when().get("/api/v1/admin-units").then()
                .statusCode(200).body("items.code", hasItems("10507", "11311"))
                .body("items.parentCode", everyItem(equalTo("31"))).body("items.level", everyItem(equalTo("COMMUNE")));
        given().queryParam("at", AFTER).queryParam("parentCode", "30").when().get("/api/v1/admin-units").then()
                .statusCode(400).body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", containsString("2025-07-01"));
        given().queryParam("at", AFTER).queryParam("within", "288").when().get("/api/v1/admin-units").then()
                .statusCode(400).body("errors[0].field", equalTo("within"));
        // Without a day: today's list, which is that of 2025-07-01 from then on.
        given().when().get("/api/v1/admin-units").then().statusCode(200).body("edition.id", equalTo("2025-07-01"));
    }

    @Test
    void aUnitInForceNamesItsValidityTreeAndMappings() {
        given().queryParam("at", BEFORE).when().get("/api/v1/admin-units/30").then().statusCode(200)
                .body("code", equalTo("30")).body("at", equalTo(BEFORE)).body("inForce", equalTo(true))
                .body("units", hasSize(1))
                .body("units[0].edition", equalTo("2025-03-01"))
                .body("units[0].validFrom", nullValue()).body("units[0].validTo", equalTo("2025-07-01"))
                .body("units[0].unit.name", equalTo("Tỉnh Hải Dương"))
                .body("units[0].parent", nullValue()).body("units[0].ancestors", hasSize(0))
                .body("units[0].children", hasSize(12))
                .body("units[0].successors", hasSize(1))
                .body("units[0].successors[0].edition", equalTo("2025-07-01"))
                .body("units[0].successors[0].code", equalTo("31"))
                .body("units[0].successors[0].kind", equalTo("FULL"))
                .body("units[0].predecessors", hasSize(0));
        given().queryParam("at", AFTER).when().get("/api/v1/admin-units/31").then().statusCode(200)
                .body("inForce", equalTo(true))
                .body("units[0].edition", equalTo("2025-07-01"))
                .body("units[0].validFrom", equalTo("2025-07-01")).body("units[0].validTo", nullValue())
                .body("units[0].unit.name", equalTo("Thành phố Hải Phòng"))
                .body("units[0].predecessors.code", contains("30", "31"))
                .body("units[0].predecessors.edition", everyItem(equalTo("2025-03-01")))
                .body("units[0].predecessors.kind", everyItem(equalTo("FULL")))
                .body("units[0].successors", hasSize(0));
        given().queryParam("at", BEFORE).when().get("/api/v1/admin-units/31").then().statusCode(200)
                .body("units[0].edition", equalTo("2025-03-01"))
                .body("units[0].successors.code", contains("31"));
        given().queryParam("at", AFTER).when().get("/api/v1/admin-units/10507").then().statusCode(200)
                .body("units[0].unit.name", equalTo("Phường Thành Đông"))
                .body("units[0].parent.code", equalTo("31"))
                .body("units[0].predecessors.code", contains("10507", "10510", "10519", "10663"));
        given().queryParam("at", BEFORE).when().get("/api/v1/admin-units/288").then().statusCode(200)
                .body("units[0].unit.parentCode", equalTo("30"))
                .body("units[0].ancestors.code", contains("30"));
    }

    @Test
    void aCodeNotInForceNamesEveryUnitThatHadIt() {
        given().queryParam("at", AFTER).when().get("/api/v1/admin-units/30").then().statusCode(200)
                .body("inForce", equalTo(false))
                .body("units", hasSize(1))
                .body("units[0].edition", equalTo("2025-03-01"))
                .body("units[0].validTo", equalTo("2025-07-01"))
                .body("units[0].successors.code", contains("31"));
        given().queryParam("at", AFTER).when().get("/api/v1/admin-units/288").then().statusCode(200)
                .body("inForce", equalTo(false))
                .body("units[0].unit.name", equalTo("Thành phố Hải Dương"))
                .body("units[0].parent.code", equalTo("30"))
                .body("units[0].successors", hasSize(9))
                .body("units[0].successors.edition", everyItem(equalTo("2025-07-01")))
                .body("units[0].successors.kind", everyItem(equalTo("PARTIAL")))
                .body("units[0].successors.code", hasItem("10507"));
        // Bạch Long Vĩ's special zone exists only from 2025-07-01: before, no edition in force or earlier has it,
        // so every unit that ever had the code is named.
        given().queryParam("at", BEFORE).when().get("/api/v1/admin-units/11948").then().statusCode(200)
                .body("inForce", equalTo(false)).body("units[0].edition", equalTo("2025-07-01"));
    }

    @Test
    void unknownCodesAndBadParametersAreRefusedNamingThem() {
        given().when().get("/api/v1/admin-units/99999").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().queryParam("at", "yesterday").when().get("/api/v1/admin-units/288").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("at"));
        given().queryParam("at", "2026-02-30").when().get("/api/v1/admin-units").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        given().queryParam("parentCode", "99999").when().get("/api/v1/admin-units").then().statusCode(400)
                .body("errors[0].field", equalTo("parentCode"));
        given().queryParam("level", "VILLAGE").when().get("/api/v1/admin-units").then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }
}
