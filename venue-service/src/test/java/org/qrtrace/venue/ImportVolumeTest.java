package org.qrtrace.venue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;

/**
 * A file of 10,000 venues imports in one request. The time is printed for the README's figure, never asserted (the
 * machine is shared; a timing assertion would be flaky).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class ImportVolumeTest {

    static final int ROWS = 10_000;
    private static final String[] UNITS = {"288", "290", "291", "292", "293", "294", "295", "296", "297", "298", "299", "300"};

    @TestHTTPResource("/")
    URL url;

    @Test
    void tenThousandRowsInOneImport() throws Exception {
        String org = uniqueOrg();
        String batch = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("\uFEFFname,category,adminUnitCode,address,contactPhone,capacity,entrances\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Cửa hàng tạp hóa số ").append(i).append(' ').append(batch).append(",MARKET,")
                    .append(UNITS[i % UNITS.length]).append(",\"").append(i).append(" Đường Nguyễn Trãi, Tổ ")
                    .append(i % 40).append("\",0912").append(String.format("%06d", i)).append(',').append(20 + i % 200)
                    .append(",Cổng chính|Cổng phụ\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "api/v1/venues/import"))
                .header("Authorization", "Bearer " + TestTokens.venueManagerOfOrganisation(org))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode(), response.body());
        JsonPath report = JsonPath.from(response.body());
        assertEquals(ROWS, report.getInt("created"));
        assertEquals(0, report.getInt("rejected"));
        System.out.printf("IMPORT-VOLUME: %d rows (%d KiB) imported in %d ms%n", ROWS, csv.length() / 1024, millis);
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .queryParam("size", 1).when().get("/api/v1/venues").then().statusCode(200).body("total", equalTo(ROWS));
    }
}
