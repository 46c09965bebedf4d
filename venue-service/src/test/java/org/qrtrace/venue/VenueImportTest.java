package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.qrtrace.venue.VenueTestSupport.create;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;

@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class VenueImportTest {

    private static final String HEADER = "name,category,adminUnitCode,address,contactPhone,capacity,entrances\r\n";

    static ValidatableResponse upload(String token, String csv, boolean partial) {
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(body)
                .queryParam("partial", partial).when().post("/api/v1/venues/import").then();
    }

    private static long count(String org) {
        return given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("includeClosed", true)
                .when().get("/api/v1/venues").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void importsAValidFileWithBomQuotesAndEntrances() {
        String org = uniqueOrg();
        String csv = "\uFEFF" + HEADER
                + "\"Trường THPT Hồng Quang, cơ sở 2\",SCHOOL,288,\"12 Chương Dương, P. Lê Thanh Nghị\",0912345678,900,Cổng A|Cổng B\r\n"
                + "Siêu thị Big C Hải Dương,supermarket,288,Km 2 Đại lộ Hồ Chí Minh,,,\r\n"
                + "Nhà văn hóa Thanh Hà,OTHER,296,\"Thị trấn Thanh Hà\",,150,\"Cổng chính\"\r\n";
        upload(TestTokens.venueManagerOfOrganisation(org), csv, false)
                .statusCode(200)
                .body("rows", equalTo(3)).body("created", equalTo(3)).body("rejected", equalTo(0))
                .body("venues.line", contains(2, 3, 4));
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("q", "hong quang")
                .when().get("/api/v1/venues").then().statusCode(200)
                .body("items[0].name", equalTo("Trường THPT Hồng Quang, cơ sở 2"))
                .body("items[0].contactPhone", equalTo("+84912345678"))
                .body("items[0].entrances.name", contains("Cổng A", "Cổng B"))
                .body("items[0].organisation", equalTo(org));
    }

    @Test
    void reportsEveryProblemByLineAndColumnAndCreatesNothing() {
        String org = uniqueOrg();
        String existing = "Chợ Đầu mối " + UUID.randomUUID();
        create(org, existing, "MARKET", "290", "Quốc lộ 5");
        String csv = HEADER
                + "Quán cơm Minh,RESTAURANT,288,1 Phố Hàng,,40,\n"          // line 2: fine
                + ",CASINO,99999,2 Phố,12ab,-1,\n"                           // line 3: five problems
                + "Quán cơm Minh,RESTAURANT,288,1  phố hàng,,,\n"            // line 4: duplicate of line 2
                + "\"" + existing.toUpperCase() + "\",MARKET,290,quốc lộ 5,,,\n" // line 5: exists already
                + "Trạm xá,HOSPITAL,288,3 Phố,,many,Cổng|\n"                 // line 6: capacity, empty entrance
                + "Chỉ ba cột,OTHER,288\n";                                   // line 7: wrong column count
        upload(TestTokens.venueManagerOfOrganisation(org), csv, false)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nothing was imported"))
                .body("errors.findAll { it.line == 3 }.field",
                        contains("name", "category", "adminUnitCode", "contactPhone", "capacity"))
                .body("errors.findAll { it.line == 3 }.column", contains(1, 2, 3, 5, 6))
                .body("errors.find { it.line == 4 }.message", containsString("line 2"))
                .body("errors.find { it.line == 5 }.field", equalTo("name"))
                .body("errors.findAll { it.line == 6 }.field", contains("capacity", "entrances[1].name"))
                .body("errors.findAll { it.line == 6 }.column", contains(6, 7))
                .body("errors.find { it.line == 7 }.field", equalTo("row"));
        // all or nothing: only the venue created before the import exists
        assertEquals(1, count(org));
    }

    @Test
    void partialImportCreatesTheValidRowsAndReportsTheRest() {
        String org = uniqueOrg();
        String csv = HEADER
                + "Hiệu thuốc An Khang,OTHER,288,5 Phố Mới,,,\n"
                + "Hiệu thuốc Bình An,OTHER,000,6 Phố Mới,,,\n"
                + "Hiệu thuốc Cát Tường,OTHER,290,7 Phố Mới,,,\n";
        upload(TestTokens.venueManagerOfOrganisation(org), csv, true)
                .statusCode(200)
                .body("rows", equalTo(3)).body("created", equalTo(2)).body("rejected", equalTo(1))
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(3)).body("errors[0].column", equalTo(3))
                .body("errors[0].field", equalTo("adminUnitCode"));
        assertEquals(2, count(org));
    }

    @Test
    void rejectsBadHeadersEncodingsAndCallers() {
        String token = TestTokens.venueManagerOfOrganisation(uniqueOrg());
        upload(token, "name,category,address,colour\nA,OTHER,x,red\n", false)
                .statusCode(400)
                .body("errors.field", contains("header", "header"))
                .body("errors[0].column", equalTo(4))
                .body("errors[1].message", containsString("adminUnitCode"));
        upload(token, HEADER, false).statusCode(400).body("errors[0].field", equalTo("body"));
        upload(token, "", false).statusCode(400);
        given().auth().oauth2(token).contentType("text/csv")
                .body(new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post("/api/v1/venues/import").then().statusCode(400)
                .body("errors[0].message", containsString("UTF-8"));
        upload(TestTokens.healthOfficer("30"), HEADER + "A,OTHER,288,x,,,\n", false).statusCode(403);
        upload(TestTokens.venueManager(UUID.randomUUID()), HEADER + "A,OTHER,288,x,,,\n", false).statusCode(403);
        given().when().contentType("text/csv").body(HEADER).post("/api/v1/venues/import").then().statusCode(401);
    }

    @Test
    void adminImportsForNamedOrganisations() {
        String org = uniqueOrg();
        String csv = "name,category,adminUnitCode,address,organisation\n"
                + "Xưởng may " + UUID.randomUUID() + ",FACTORY,290,KCN Nam Sách," + org + "\n";
        upload(TestTokens.admin(), csv, false).statusCode(200).body("created", equalTo(1));
        assertEquals(1, count(org));
        upload(TestTokens.venueManagerOfOrganisation(uniqueOrg()), csv.replace("Xưởng may", "Xưởng dệt"), false)
                .statusCode(400).body("errors[0].field", equalTo("organisation"));
    }
}
