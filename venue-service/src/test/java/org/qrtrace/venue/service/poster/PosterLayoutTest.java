package org.qrtrace.venue.service.poster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PosterLayoutTest {

    private static final String URL = "http://127.0.0.1:8082/c/" + "A".repeat(172);

    @Test
    void everythingFitsOnA4WithQuietZoneAroundTheCode() {
        String longName = "Trung tâm Kiểm soát Bệnh tật tỉnh Hải Dương – Cơ sở điều trị tập trung số 2 (khu cách ly "
                + "Trường Cao đẳng Du lịch và Công thương)";
        PosterLayout layout = PosterLayout.of(new PosterContent(UUID.randomUUID(), longName, "Số 1 Đường Rất Dài "
                .repeat(8), "Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương",
                "(nay: Phường Thành Đông, Thành phố Hải Phòng)", "Cổng cấp cứu", URL), 160);
        PosterLayout.Code code = layout.code();
        assertEquals(160, code.sideMm(), 0.001);
        double quiet = 4 * code.sideMm() / code.modules().getWidth();
        for (PosterLayout.Text t : layout.texts()) {
            assertTrue(t.baselineMm() < PosterLayout.PAGE_HEIGHT_MM - 3, t.text() + " below the page");
            double heightMm = t.sizePt() / PosterLayout.PT_PER_MM;
            boolean above = t.baselineMm() < code.yMm() - quiet + 0.01;
            boolean below = t.baselineMm() - heightMm > code.yMm() + code.sideMm() + quiet - 0.01;
            assertTrue(above || below, t.text() + " intrudes on the code's quiet zone");
            assertTrue(PosterFonts.widthPt(t.text(), t.sizePt(), t.bold()) <= 186 * PosterLayout.PT_PER_MM + 0.5,
                    t.text() + " wider than the text area");
        }
        assertTrue(layout.texts().stream().anyMatch(t -> t.text().endsWith("…")), "long name is shortened, not cut");
        assertTrue(layout.texts().stream().anyMatch(t -> t.text().equals("(nay: Phường Thành Đông, Thành phố Hải Phòng)")),
                "what the unit is today, whole, on its own line");
        // The lowest instruction stays clear of the venue id at the foot of the page.
        List<PosterLayout.Text> texts = layout.texts();
        PosterLayout.Text id = texts.get(texts.size() - 1);
        PosterLayout.Text lastStep = texts.get(texts.size() - 2);
        assertTrue(id.text().startsWith("Mã địa điểm"));
        assertTrue(lastStep.baselineMm() + 1.5 <= id.baselineMm() - id.sizePt() / PosterLayout.PT_PER_MM + 0.01,
                lastStep.baselineMm() + " vs " + id.baselineMm());
    }

    @Test
    void errorCorrectionIsAtLeastM() {
        // zxing orders the levels L, M, Q, H.
        assertTrue(PosterLayout.ERROR_CORRECTION.ordinal() >= com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M.ordinal());
    }

    @Test
    void anOrdinaryPosterKeepsItsUsualSpacing() {
        PosterLayout layout = PosterLayout.of(new PosterContent(UUID.randomUUID(), "Chợ Bình Hàn", "12 Nguyễn Lương Bằng",
                "Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương", "(nay: Phường Thành Đông, Thành phố Hải Phòng)",
                null, URL), 160);
        assertEquals(160, layout.code().sideMm(), 0.001);
        assertEquals("Chợ Bình Hàn", layout.texts().get(2).text());
        assertTrue(layout.texts().get(2).baselineMm() > 34 + 12, "the usual space under the title band");
    }
}
