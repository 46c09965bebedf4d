package org.qrtrace.venue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qrtrace.venue.VenueTestSupport.create;
import static org.qrtrace.venue.VenueTestSupport.post;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;
import static org.qrtrace.venue.VenueTestSupport.venueJson;

/**
 * A venue is registered in a unit of any edition of the official list: a code in force today is taken as it is; a
 * code no longer in force is kept as given and placed in today's list (province, and the commune where the mergers
 * decide it, else the candidates and a note); a code no edition has is refused. Lists by a unit of the new list find
 * the venues registered under old codes it covers. Every venue here is registered today (2025-07-01 or later: the list
 * of 2025-07-01 in force), whatever the hour.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class VenuePlacementTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAbolishedDistrictIsKeptAndPlacedInItsProvinceWithTheCommunesToChooseFrom() {
        String org = uniqueOrg();
        var venue = post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Chợ " + UUID.randomUUID(), "MARKET", "288", "1 Trần Hưng Đạo")).statusCode(201)
                .body("adminUnitCode", equalTo("288"))
                .body("placement.status", equalTo("MAPPED"))
                .body("placement.edition", equalTo("2025-03-01"))
                .body("placement.unit.code", equalTo("288"))
                .body("placement.unit.name", equalTo("Thành phố Hải Dương"))
                .body("placement.unit.level", equalTo("DISTRICT"))
                .body("placement.provinceToday.code", equalTo("31"))
                .body("placement.provinceToday.name", equalTo("Thành phố Hải Phòng"))
                .body("placement.communeToday", nullValue())
                .body("placement.candidates", hasSize(9))
                .body("placement.candidates.code", hasItem("10507"))
                .body("placement.note", containsString("must be chosen"))
                .extract().jsonPath();
        assertEquals(dayOf(venue.getString("createdAt")), venue.getString("placement.givenOn"),
                "the code is given on the registration day");
    }

    @Test
    void anOldCommuneMergedWholeIntoOneNewCommuneIsDecided() {
        String org = uniqueOrg();
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Trường " + UUID.randomUUID(), "SCHOOL", "10510", "2 Bình Hàn")).statusCode(201)
                .body("adminUnitCode", equalTo("10510"))
                .body("placement.status", equalTo("MAPPED"))
                .body("placement.unit.name", equalTo("Phường Bình Hàn"))
                .body("placement.unit.level", equalTo("COMMUNE"))
                .body("placement.provinceToday.code", equalTo("31"))
                .body("placement.communeToday.code", equalTo("10507"))
                .body("placement.communeToday.name", equalTo("Phường Thành Đông"))
                .body("placement.candidates", hasSize(0))
                .body("placement.note", nullValue());
        // A commune split between new communes is not enough to decide: the answer says so instead of guessing.
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Trường " + UUID.randomUUID(), "SCHOOL", "10528", "3 Trần Phú")).statusCode(201)
                .body("placement.status", equalTo("MAPPED"))
                .body("placement.communeToday", nullValue())
                .body("placement.candidates.code", contains("10532", "10537"))
                .body("placement.note", containsString("must be chosen"));
    }

    @Test
    void aCodeInForceIsTakenAsItIs() {
        String org = uniqueOrg();
        String id = create(org, "Bến xe " + UUID.randomUUID(), "TRANSPORT_HUB", "11311", "4 Hồng Bàng");
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues/" + id).then()
                .statusCode(200)
                .body("placement.status", equalTo("IN_FORCE"))
                .body("placement.edition", equalTo("2025-07-01"))
                .body("placement.unit.name", equalTo("Phường Hồng Bàng"))
                .body("placement.provinceToday.code", equalTo("31"))
                .body("placement.communeToday.code", equalTo("11311"))
                .body("placement.candidates", hasSize(0))
                .body("placement.note", nullValue());
        // 10507 today is Phường Thành Đông, not the old Phường Cẩm Thượng that had the code before.
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Nhà văn hóa " + UUID.randomUUID(), "OTHER", "10507", "5 Thành Đông")).statusCode(201)
                .body("placement.status", equalTo("IN_FORCE"))
                .body("placement.unit.name", equalTo("Phường Thành Đông"));
    }

    @Test
    void aCodeThatNeverExistedIsRefusedAndNothingIsWritten() {
        String org = uniqueOrg();
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues",
                venueJson("Chợ " + UUID.randomUUID(), "MARKET", "99999", "1 A")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("adminUnitCode"))
                .body("errors[0].message", containsString("99999"));
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("includeClosed", true)
                .when().get("/api/v1/venues").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aCsvLineWithAnUnknownCodeIsRefusedNamingTheLine() {
        String org = uniqueOrg();
        String csv = "name,category,adminUnitCode,address\n"
                + "Chợ " + UUID.randomUUID() + ",MARKET,288,1 A\n"
                + "Chợ " + UUID.randomUUID() + ",MARKET,99999,2 B\n"
                + "Chợ " + UUID.randomUUID() + ",MARKET,11311,3 C\n";
        VenueImportTest.upload(TestTokens.venueManagerOfOrganisation(org), csv, false).statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo(3))
                .body("errors[0].field", equalTo("adminUnitCode"))
                .body("errors[0].message", containsString("99999"));
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("includeClosed", true)
                .when().get("/api/v1/venues").then().statusCode(200).body("total", equalTo(0));
        VenueImportTest.upload(TestTokens.venueManagerOfOrganisation(org), csv.replace("99999", "10510"), false)
                .statusCode(200).body("created", equalTo(3));
    }

    @Test
    void aListByAUnitOfTheNewListFindsTheVenuesRegisteredUnderTheOldCodesItCovers() {
        String org = uniqueOrg();
        String token = TestTokens.venueManagerOfOrganisation(org);
        String district = create(org, "A Chợ huyện " + UUID.randomUUID(), "MARKET", "288", "1 A");
        String oldCommune = create(org, "B Trường " + UUID.randomUUID(), "SCHOOL", "10510", "2 B");
        String newCommune = create(org, "C Bến xe " + UUID.randomUUID(), "TRANSPORT_HUB", "11311", "3 C");
        String elsewhere = create(org, "D Nhà máy " + UUID.randomUUID(), "FACTORY", "74", "4 D");

        given().auth().oauth2(token).queryParam("adminUnitCode", "31").when().get("/api/v1/venues").then()
                .statusCode(200).body("total", equalTo(3))
                .body("items.id", contains(district, oldCommune, newCommune));
        // New commune 10507 holds the whole of old Phường Bình Hàn, but only part of district 288.
        given().auth().oauth2(token).queryParam("adminUnitCode", "10507").when().get("/api/v1/venues").then()
                .statusCode(200).body("items.id", contains(oldCommune));
        // Old codes still select what lay in them.
        given().auth().oauth2(token).queryParam("adminUnitCode", "30").when().get("/api/v1/venues").then()
                .statusCode(200).body("items.id", contains(district, oldCommune));
        given().auth().oauth2(token).queryParam("adminUnitCode", "288").when().get("/api/v1/venues").then()
                .statusCode(200).body("items.id", contains(district, oldCommune));
        given().auth().oauth2(token).queryParam("adminUnitCode", "79").when().get("/api/v1/venues").then()
                .statusCode(200).body("items.id", contains(elsewhere));
        given().auth().oauth2(token).queryParam("adminUnitCode", "99999").when().get("/api/v1/venues").then()
                .statusCode(400).body("errors[0].field", equalTo("adminUnitCode"));
    }

    @Test
    void anUpdateKeepingTheCodeKeepsTheUnitItNamedWhenGiven() throws SQLException {
        String org = uniqueOrg();
        String token = TestTokens.venueManagerOfOrganisation(org);
        String id = create(org, "Chợ Cẩm Thượng " + UUID.randomUUID(), "MARKET", "10507", "6 Cẩm Thượng");
        // As if registered on 2025-06-15, under the list in force then: 10507 was Phường Cẩm Thượng.
        setGivenOn(id, LocalDate.of(2025, 6, 15));
        given().auth().oauth2(token).when().get("/api/v1/venues/" + id).then().statusCode(200)
                .body("placement.status", equalTo("MAPPED"))
                .body("placement.edition", equalTo("2025-03-01"))
                .body("placement.unit.name", equalTo("Phường Cẩm Thượng"))
                .body("placement.communeToday.name", equalTo("Phường Thành Đông"));
        String renamed = "{\"name\":\"Chợ Cẩm Thượng mới " + UUID.randomUUID() + "\",\"category\":\"MARKET\","
                + "\"adminUnitCode\":\"10507\",\"address\":\"6 Cẩm Thượng\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(renamed).when().put("/api/v1/venues/" + id)
                .then().statusCode(200)
                .body("placement.givenOn", equalTo("2025-06-15"))
                .body("placement.unit.name", equalTo("Phường Cẩm Thượng"));
        String moved = renamed.replace("\"10507\"", "\"11311\"");
        var updated = given().auth().oauth2(token).contentType(ContentType.JSON).body(moved).when()
                .put("/api/v1/venues/" + id).then().statusCode(200)
                .body("adminUnitCode", equalTo("11311"))
                .body("placement.status", equalTo("IN_FORCE"))
                .extract().jsonPath();
        assertEquals(dayOf(updated.getString("updatedAt")), updated.getString("placement.givenOn"),
                "a changed code is given on the day of the update");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(moved.replace("\"11311\"", "\"99999\""))
                .when().put("/api/v1/venues/" + id).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("adminUnitCode"));
    }

    private void setGivenOn(String venueId, LocalDate day) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE venue SET admin_unit_given_on = ? WHERE id = ?")) {
            s.setObject(1, day);
            s.setObject(2, UUID.fromString(venueId));
            assertEquals(1, s.executeUpdate());
        }
    }

    /** The local day (Vietnam) of an instant the service answered. */
    private static String dayOf(String instant) {
        return LocalDate.ofInstant(Instant.parse(instant), ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    }
}
