package org.qrtrace.testing;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import org.junit.jupiter.api.Test;
import org.qrtrace.testing.PosterScanner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PosterScannerTest {

    /** A poster PNG from a clean-clone CI run whose code zxing did not find at its rendered size (zbar reads it). */
    @Test
    void readsAPosterZxingMissedAtFullScaleWithPointsInTheImagesCoordinates() throws Exception {
        BufferedImage poster = ImageIO.read(PosterScannerTest.class.getResourceAsStream("/posters/zxing-missed-at-full-scale.png"));
        Result r = PosterScanner.readQr(poster);
        assertEquals("http://127.0.0.1:8082/c/ARJrMjAyNjEyMDItZGYyNzIxMTEa2bC4oxtLoZcRzOx037UbAAAAAAEAAAAAaw-1K6bUq_OA8AmpYsxatQRA"
                + "qRbmyFp9hnz90TzmfvzI5-Zempqv17XFXnGskUZrpGpG7P3wesfDSCXghXtA-qEz1gE", r.getText());
        // The code spans x 160-1080, y 455-1375 of the 1240x1754 image: its finder patterns lie inside that square.
        for (ResultPoint p : r.getResultPoints()) {
            assertTrue(p.getX() > 160 && p.getX() < 1080 && p.getY() > 455 && p.getY() < 1375, p.toString());
        }
    }

    /** A PDF poster page rendered by PDFBox at 150 DPI (PosterTest's way) that zxing's local binariser missed at 100 %. */
    @Test
    void readsAPdfPageTheLocalBinariserMissed() throws Exception {
        BufferedImage page = ImageIO.read(PosterScannerTest.class.getResourceAsStream("/posters/zxing-missed-pdf-page-at-150dpi.png"));
        assertEquals("http://127.0.0.1:8082/c/ARJrMjAyNjEyMDItNmJhODZiMmFc4sT_UwNF97EWQzrLyB-jAAAAAAEAAAAAaw-5n7jkEWTncQ9x5fym1c4MV"
                + "VJTz2kvLiI9APWtsWk3fBCxRRQKGC1SoYbcFfR6P30vYqetgrpBddOS1Fyzb-H90AM", PosterScanner.readQr(page).getText());
    }

    @Test
    void anImageWithoutACodeIsAnAssertionFailure() {
        BufferedImage blank = new BufferedImage(400, 600, BufferedImage.TYPE_INT_RGB);
        assertThrows(AssertionError.class, () -> PosterScanner.readQr(blank));
    }
}
