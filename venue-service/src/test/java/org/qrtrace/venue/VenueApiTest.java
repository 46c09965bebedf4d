package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.qr.QrToken;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.qrtrace.venue.VenueTestSupport.create;
import static org.qrtrace.venue.VenueTestSupport.post;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;
import static org.qrtrace.venue.VenueTestSupport.venueJson;

@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class VenueApiTest {

    @Test
    void createsVenueWithEntrancesAndSignedCodes() {
        String org = uniqueOrg();
        var body = post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Bệnh viện Đa khoa Hải Dương", "HOSPITAL", "288", "225 Nguyễn Lương Bằng", "Cổng chính", "Cổng cấp cứu"))
                .statusCode(201)
                .header("Location", containsString("/api/v1/venues/"))
                .body("name", equalTo("Bệnh viện Đa khoa Hải Dương"))
                .body("category", equalTo("HOSPITAL"))
                .body("contactPhone", equalTo("+842203890000"))
                .body("organisation", equalTo(org))
                .body("status", equalTo("ACTIVE"))
                .body("entrances.name", contains("Cổng chính", "Cổng cấp cứu"))
                .extract().jsonPath();
        UUID id = UUID.fromString(body.getString("id"));
        QrToken venueToken = VenueTestSupport.verifyUrl(body.getString("qrUrl"));
        assertEquals(id, venueToken.venueId());
        assertNull(venueToken.entranceId());
        assertEquals(1, venueToken.version());
        QrToken entranceToken = VenueTestSupport.verifyUrl(body.getString("entrances[1].qrUrl"));
        assertEquals(UUID.fromString(body.getString("entrances[1].id")), entranceToken.entranceId());
        assertEquals(id, entranceToken.venueId());

        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues/" + id)
                .then().statusCode(200).body("address", equalTo("225 Nguyễn Lương Bằng"))
                .body("entrances", hasSize(2));
    }

    @Test
    void badInputNamesEachField() {
        String json = "{\"name\":\" \",\"category\":\"CASINO\",\"adminUnitCode\":\"99999\",\"address\":\"x\","
                + "\"contactPhone\":\"12ab\",\"capacity\":-3,\"entrances\":[{\"name\":\"A\"},{\"name\":\"\"}]}";
        var errors = post(TestTokens.admin(), "/api/v1/venues", json)
                .statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().<String>getList("errors.field");
        // Bean Validation answers first with the syntactic problems.
        assertThat(errors, hasItems("name", "capacity", "entrances[1].name"));

        String semantic = "{\"name\":\"Trường THCS A\",\"category\":\"CASINO\",\"adminUnitCode\":\"99999\","
                + "\"address\":\"1 Đường B\",\"contactPhone\":\"12ab\",\"entrances\":[{\"name\":\"Cổng\"},{\"name\":\"cổng \"}]}";
        post(TestTokens.admin(), "/api/v1/venues", semantic)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("category", "adminUnitCode", "contactPhone", "entrances[1].name"))
                .body("detail", containsString("adminUnitCode"));

        post(TestTokens.admin(), "/api/v1/venues", "{\"name\":\"x\",\"capacity\":\"many\"}")
                .statusCode(400).body("errors[0].field", equalTo("capacity"));
        post(TestTokens.admin(), "/api/v1/venues", "not json").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void duplicateIsConflictIgnoringCaseAndSpaces() {
        String org = uniqueOrg();
        String name = "Siêu thị " + UUID.randomUUID();
        create(org, name, "SUPERMARKET", "288", "12 Trần Hưng Đạo");
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("  " + name.toUpperCase() + " ", "SUPERMARKET", "288", "12  trần hưng đạo"))
                .statusCode(409).contentType("application/problem+json");
        // Same name and address in another district is another venue.
        create(org, name, "SUPERMARKET", "290", "12 Trần Hưng Đạo");
    }

    @Test
    void ownershipDecidesWhoSeesAndChanges() {
        String org = uniqueOrg();
        String id = create(org, "Khách sạn " + UUID.randomUUID(), "HOTEL", "288", "3 Lê Lợi");
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(uniqueOrg())).when().get("/api/v1/venues/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.venueManager(id)).when().get("/api/v1/venues/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/venues/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.healthOfficer("30")).when().get("/api/v1/venues/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.gateDevice(id)).when().get("/api/v1/venues/" + id).then().statusCode(403);
        given().when().get("/api/v1/venues/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/venues/" + UUID.randomUUID()).then().statusCode(404);

        // A manager with only a venues claim cannot register: the new venue would be invisible to it.
        post(TestTokens.venueManager(id), "/api/v1/venues", venueJson("Chợ X", "MARKET", "288", "1 A"))
                .statusCode(403).body("detail", containsString("org"));
        // Nor may it register for another organisation.
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Chợ Y", "MARKET", "288", "1 A").replace("\"capacity\"", "\"organisation\":\"other\",\"capacity\""))
                .statusCode(403);
        // An admin may register for any organisation.
        post(TestTokens.admin(), "/api/v1/venues",
                venueJson("Chợ " + UUID.randomUUID(), "MARKET", "288", "1 A").replace("\"capacity\"", "\"organisation\":\"" + org + "\",\"capacity\""))
                .statusCode(201).body("organisation", equalTo(org));

        // The list shows only what the caller manages.
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues")
                .then().statusCode(200).body("total", equalTo(2)).body("items.organisation", contains(org, org));
        given().auth().oauth2(TestTokens.venueManager(id)).when().get("/api/v1/venues")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void listFiltersByAdminUnitSubtreeCategoryAndName() {
        String org = uniqueOrg();
        String token = TestTokens.venueManagerOfOrganisation(org);
        create(org, "Trường THPT Nguyễn Trãi", "SCHOOL", "288", "1 Đường A");
        create(org, "Trường Tiểu học Lê Lợi", "SCHOOL", "290", "2 Đường B");
        create(org, "Chợ Thanh Hà", "MARKET", "296", "3 Đường C");
        create(org, "Trường Mầm non Thủ Dầu Một", "SCHOOL", "74", "4 Đường D");

        given().auth().oauth2(token).queryParam("adminUnitCode", "30").when().get("/api/v1/venues")
                .then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(token).queryParam("adminUnitCode", "30").queryParam("category", "school")
                .when().get("/api/v1/venues").then().statusCode(200).body("total", equalTo(2))
                .body("items.name", contains("Trường THPT Nguyễn Trãi", "Trường Tiểu học Lê Lợi"));
        given().auth().oauth2(token).queryParam("q", "nguyen trai").when().get("/api/v1/venues")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("Trường THPT Nguyễn Trãi"));
        given().auth().oauth2(token).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/venues")
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(2)).body("page", equalTo(1));
        given().auth().oauth2(token).queryParam("adminUnitCode", "00000").when().get("/api/v1/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));
        given().auth().oauth2(token).queryParam("category", "CASINO").when().get("/api/v1/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("category"));
        given().auth().oauth2(token).queryParam("size", 100000).when().get("/api/v1/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(token).queryParam("size", "ten").when().get("/api/v1/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(token).queryParam("page", Integer.MAX_VALUE).when().get("/api/v1/venues")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void updateAddEntranceRotateAndClose() {
        String org = uniqueOrg();
        String token = TestTokens.venueManagerOfOrganisation(org);
        String id = create(org, "Văn phòng " + UUID.randomUUID(), "OFFICE", "288", "5 Phố Mới", "Sảnh A");
        String otherName = "Nhà máy " + UUID.randomUUID();
        create(org, otherName, "FACTORY", "288", "9 KCN");

        String update = "{\"name\":\"Văn phòng Sở Y tế\",\"category\":\"OFFICE\",\"adminUnitCode\":\"288\","
                + "\"address\":\"42 Phố Mới\",\"contactPhone\":\"+84912345678\",\"capacity\":120}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(update).when().put("/api/v1/venues/" + id)
                .then().statusCode(200).body("name", equalTo("Văn phòng Sở Y tế")).body("capacity", equalTo(120));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"" + otherName + "\",\"category\":\"FACTORY\",\"adminUnitCode\":\"288\",\"address\":\"9 KCN\"}")
                .when().put("/api/v1/venues/" + id).then().statusCode(409);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"category\":\"OFFICE\",\"adminUnitCode\":\"1\",\"address\":\"9\"}")
                .when().put("/api/v1/venues/" + id).then().statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));

        String entranceId = post(token, "/api/v1/venues/" + id + "/entrances", "{\"name\":\"Cổng sau\"}")
                .statusCode(201).body("tokenVersion", equalTo(1)).body("qrUrl", notNullValue()).extract().path("id");
        post(token, "/api/v1/venues/" + id + "/entrances", "{\"name\":\"cổng SAU\"}").statusCode(409);
        post(token, "/api/v1/venues/" + id + "/entrances", "{\"name\":\"\"}").statusCode(400)
                .body("errors[0].field", equalTo("name"));

        var rotated = given().auth().oauth2(token).when().post("/api/v1/venues/" + id + "/qr/rotate")
                .then().statusCode(200).body("tokenVersion", equalTo(2)).body("entranceId", nullValue())
                .body("previousValidUntil", notNullValue()).extract().jsonPath();
        assertEquals(2, VenueTestSupport.verifyUrl(rotated.getString("qrUrl")).version());
        var entranceRotated = given().auth().oauth2(token).queryParam("entranceId", entranceId)
                .when().post("/api/v1/venues/" + id + "/qr/rotate")
                .then().statusCode(200).body("tokenVersion", equalTo(2)).extract().jsonPath();
        QrToken t = VenueTestSupport.verifyUrl(entranceRotated.getString("qrUrl"));
        assertEquals(UUID.fromString(entranceId), t.entranceId());
        assertEquals(2, t.version());
        given().auth().oauth2(token).queryParam("entranceId", "nope").when().post("/api/v1/venues/" + id + "/qr/rotate")
                .then().statusCode(400).body("errors[0].field", equalTo("entranceId"));
        given().auth().oauth2(token).queryParam("entranceId", UUID.randomUUID()).when().post("/api/v1/venues/" + id + "/qr/rotate")
                .then().statusCode(400).body("errors[0].field", equalTo("entranceId"));

        post(token, "/api/v1/venues/" + id + "/close", "{\"reason\":\"moved\"}").statusCode(200)
                .body("status", equalTo("CLOSED")).body("qrUrl", nullValue()).body("closeReason", equalTo("moved"));
        post(token, "/api/v1/venues/" + id + "/close", "{}").statusCode(200).body("closeReason", equalTo("moved"));
        given().auth().oauth2(token).when().post("/api/v1/venues/" + id + "/qr/rotate").then().statusCode(409);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(update).when().put("/api/v1/venues/" + id)
                .then().statusCode(409);
        given().auth().oauth2(token).when().get("/api/v1/venues").then()
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(token).queryParam("includeClosed", true).when().get("/api/v1/venues").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void otherManagersCannotChangeAVenue() {
        String org = uniqueOrg();
        String id = create(org, "Nhà hàng " + UUID.randomUUID(), "RESTAURANT", "288", "7 Bạch Đằng");
        String stranger = TestTokens.venueManagerOfOrganisation(uniqueOrg());
        post(stranger, "/api/v1/venues/" + id + "/close", "{}").statusCode(403);
        given().auth().oauth2(stranger).when().post("/api/v1/venues/" + id + "/qr/rotate").then().statusCode(403);
        post(stranger, "/api/v1/venues/" + id + "/entrances", "{\"name\":\"X\"}").statusCode(403);
        given().auth().oauth2(stranger).when().get("/api/v1/venues/" + id + "/poster.pdf").then().statusCode(403);
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues/" + id)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
}
