package org.qrtrace.venue;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.RealInfraTestResource;
import org.qrtrace.testing.TestTokens;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qrtrace.venue.VenueTestSupport.create;
import static org.qrtrace.venue.VenueTestSupport.post;
import static org.qrtrace.venue.VenueTestSupport.uniqueOrg;

/** Posters are checked the way a phone sees them: decode the QR back from the rendered image. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "venue"))
class PosterTest {

    private static final int RENDER_DPI = 150;

    @Test
    void pngPosterScansToTheVenueCode() throws Exception {
        String org = uniqueOrg();
        String name = "Bệnh viện Nhi Hải Dương " + shortId();
        String id = create(org, name, "HOSPITAL", "288", "Đường Nguyễn Văn Linh");
        String qrUrl = (String) venue(org, id).get("qrUrl");
        byte[] png = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id + "/poster.png")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "poster-sample.png"), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Math.round(image.getWidth() * 297.0 / 210), image.getHeight(), 1.0, "A4 proportions");
        assertEquals(qrUrl, decode(image).getText());
    }

    @Test
    void pdfPosterIsA4WithExactNameEmbeddedFontAndLargeScannableCode() throws Exception {
        String org = uniqueOrg();
        String name = "Trường THCS Lê Quý Đôn – Phường Hải Tân " + shortId();
        String id = create(org, name, "SCHOOL", "288", "Số 8 Đường Ngô Quyền", "Cổng chính");
        Map<String, Object> venue = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id).then().extract().jsonPath().getMap("");
        byte[] pdf = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id + "/poster.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "poster-sample.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.5);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.5);
            for (var fontName : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(fontName);
                assertTrue(font.isEmbedded(), font.getName() + " must be embedded");
            }
            String text = new PDFTextStripper().getText(doc);
            assertTrue(Arrays.asList(text.split("\\R")).contains(name), "name line missing in:\n" + text);
            assertTrue(text.replaceAll("\\s+", " ").contains("Số 8 Đường Ngô Quyền, Thành phố Hải Dương, Tỉnh Hải Dương "
                    + "(nay: Thành phố Hải Phòng)"), "the district as registered, and its province today:\n" + text);
            assertTrue(text.contains("Scan the QR code"), "English instructions missing");
            assertTrue(text.contains("QUÉT MÃ QR"), "Vietnamese title missing");

            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, RENDER_DPI);
            Result result = decode(page);
            assertEquals(venue.get("qrUrl"), result.getText());
            double sideMm = codeSideMm(result, page);
            assertTrue(sideMm >= 150 - 1, "QR side " + sideMm + " mm is below 15 cm");
        }
    }

    @Test
    void aVenueOfAnOldCommuneShowsItAsRegisteredAndWhatItIsToday() throws Exception {
        String org = uniqueOrg();
        String id = create(org, "Chợ Bình Hàn " + shortId(), "MARKET", "10510", "Số 12 Đường Nguyễn Lương Bằng",
                "Cổng chính");
        byte[] png = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id + "/poster.png").then().statusCode(200).extract().asByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "poster-placement-sample.png"), png);
        assertEquals(venue(org, id).get("qrUrl"), decode(ImageIO.read(new ByteArrayInputStream(png))).getText());
        byte[] pdf = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id + "/poster.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương (nay: Phường Thành Đông, "
                    + "Thành phố Hải Phòng)"), text);
        }
    }

    @Test
    void entrancePosterCarriesTheEntranceCodeAndName() throws Exception {
        String org = uniqueOrg();
        String id = create(org, "Khách sạn Sao Đỏ " + shortId(), "HOTEL", "288", "1 Trần Phú", "Cổng phụ phía Đông");
        var json = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues/" + id)
                .then().extract().jsonPath();
        String entranceId = json.getString("entrances[0].id");
        byte[] pdf = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("entranceId", entranceId)
                .when().get("/api/v1/venues/" + id + "/poster.pdf").then().statusCode(200).extract().asByteArray();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "poster-entrance-sample.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Cổng phụ phía Đông"));
            assertEquals(json.getString("entrances[0].qrUrl"),
                    decode(new PDFRenderer(doc).renderImageWithDPI(0, RENDER_DPI)).getText());
        }
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("entranceId", UUID.randomUUID())
                .when().get("/api/v1/venues/" + id + "/poster.png").then().statusCode(400)
                .body("errors[0].field", equalTo("entranceId"));
    }

    @Test
    void svgPosterIsWellFormedWithEscapedText() throws Exception {
        String org = uniqueOrg();
        String name = "Nhà hàng Hương & Vị <Phố Cổ> " + shortId();
        String id = create(org, name, "RESTAURANT", "288", "2 Bạch Đằng");
        String svg = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id + "/poster.svg")
                .then().statusCode(200).contentType("image/svg+xml").extract().asString();
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var texts = document.getElementsByTagName("text");
        boolean found = false;
        for (int i = 0; i < texts.getLength(); i++) {
            found |= name.equals(texts.item(i).getTextContent());
        }
        assertTrue(found, "venue name not a text element of the SVG");
        assertEquals(2, document.getElementsByTagName("svg").getLength(), "page and QR viewport");
    }

    @Test
    void bulkPdfHasAPagePerCodeOfTheSelectedVenues() throws Exception {
        String org = uniqueOrg();
        create(org, "Trường Tiểu học A " + shortId(), "SCHOOL", "290", "1 Đường A", "Cổng 1", "Cổng 2");
        create(org, "Trường Tiểu học B " + shortId(), "SCHOOL", "290", "2 Đường B");
        create(org, "Chợ C " + shortId(), "MARKET", "290", "3 Đường C");
        create(org, "Trường Tiểu học D " + shortId(), "SCHOOL", "74", "4 Đường D");
        byte[] pdf = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .queryParam("adminUnitCode", "30").queryParam("category", "SCHOOL")
                .when().get("/api/v1/venues/posters.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(4, doc.getNumberOfPages(), "venue A (3 codes) and venue B (1 code)");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Trường Tiểu học A") && text.contains("Trường Tiểu học B"));
            assertTrue(!text.contains("Chợ C") && !text.contains("Trường Tiểu học D"));
        }
        byte[] zip = given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .queryParam("adminUnitCode", "290").queryParam("category", "SCHOOL")
                .when().get("/api/v1/venues/posters.zip")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        int entries = 0;
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertTrue(entry.getName().matches("poster-[0-9a-f-]+\\.pdf"), entry.getName());
                try (PDDocument doc = Loader.loadPDF(in.readAllBytes())) {
                    assertEquals(1, doc.getNumberOfPages());
                    decode(new PDFRenderer(doc).renderImageWithDPI(0, RENDER_DPI));
                }
                entries++;
            }
        }
        assertEquals(4, entries, "one PDF per code");
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).queryParam("adminUnitCode", "999")
                .when().get("/api/v1/venues/posters.pdf").then().statusCode(400);
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(uniqueOrg()))
                .when().get("/api/v1/venues/posters.pdf").then().statusCode(404);
        given().auth().oauth2(TestTokens.healthOfficer("30"))
                .when().get("/api/v1/venues/posters.pdf").then().statusCode(403);
    }

    @Test
    void closedVenueHasNoPoster() {
        String org = uniqueOrg();
        String id = create(org, "Nhà trọ " + shortId(), "LODGING", "288", "5 Ngõ 3");
        post(TestTokens.venueManagerOfOrganisation(org), "/api/v1/venues/" + id + "/close", "{}").statusCode(200);
        given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org))
                .when().get("/api/v1/venues/" + id + "/poster.pdf").then().statusCode(410);
    }

    private static Map<String, Object> venue(String org, String id) {
        return given().auth().oauth2(TestTokens.venueManagerOfOrganisation(org)).when().get("/api/v1/venues/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    static Result decode(BufferedImage image) {
        return org.qrtrace.testing.PosterScanner.readQr(image);
    }

    /** The printed side of the code: finder-pattern centres are (modules - 7) modules apart. */
    private static double codeSideMm(Result result, BufferedImage page) throws Exception {
        ResultPoint[] p = result.getResultPoints();
        double distancePx = ResultPoint.distance(p[1], p[2]);
        int modules = Encoder.encode(result.getText(), ErrorCorrectionLevel.Q).getMatrix().getWidth();
        double modulePx = distancePx / (modules - 7);
        return modulePx * modules / RENDER_DPI * 25.4;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
