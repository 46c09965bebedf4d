package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class AdminUnitApiTest {

    @Test
    void listsProvincesAndChildren() {
        given().queryParam("level", "province").when().get("/api/v1/admin-units").then().statusCode(200)
                .body("dataVersion", notNullValue())
                .body("items.code", hasItems("30", "74", "84", "20", "72"))
                .body("items.level", everyItem(equalTo("PROVINCE")));
        given().queryParam("parentCode", "30").when().get("/api/v1/admin-units").then().statusCode(200)
                .body("items", hasSize(12)).body("items.code", hasItem("288"));
        given().queryParam("within", "30").queryParam("level", "DISTRICT").when().get("/api/v1/admin-units")
                .then().statusCode(200).body("items", hasSize(12));
    }

    @Test
    void oneUnitWithAncestorsAndChildren() {
        given().when().get("/api/v1/admin-units/288").then().statusCode(200)
                .body("unit.name", equalTo("Thành phố Hải Dương"))
                .body("unit.parentCode", equalTo("30"))
                .body("ancestors.code", contains("30"));
        given().when().get("/api/v1/admin-units/30").then().statusCode(200)
                .body("unit.name", equalTo("Tỉnh Hải Dương")).body("children", hasSize(12)).body("ancestors", hasSize(0));
    }

    @Test
    void unknownCodesAndLevelsAreRejected() {
        given().when().get("/api/v1/admin-units/99999").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("parentCode", "99999").when().get("/api/v1/admin-units").then().statusCode(400)
                .body("errors[0].field", equalTo("parentCode"));
        given().queryParam("level", "VILLAGE").when().get("/api/v1/admin-units").then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }
}
