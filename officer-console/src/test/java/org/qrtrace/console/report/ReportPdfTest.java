package org.qrtrace.console.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.qrtrace.console.api.Api;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF renders Vietnamese (text extracted back as written) and pages on; a PNG of page 1 is kept to look at. */
class ReportPdfTest {

    static Api.DailyReport report(int communes) {
        List<Api.ReportRow> rows = new ArrayList<>();
        rows.add(row("30", "Tỉnh Hải Dương", "PROVINCE", null, 1_705_059L, "0.118"));
        rows.add(row("288", "Thành phố Hải Dương", "DISTRICT", "30", 508_190L, "0.352"));
        for (int i = 0; i < communes; i++) {
            rows.add(row(String.valueOf(10_000 + i), "Xã Quảng Ninh " + i, "COMMUNE", "288", 12_000L, null));
        }
        return new Api.DailyReport(LocalDate.of(2026, 12, 4), "30", "Tỉnh Hải Dương", "2025-03-01", "commune, district, province",
                "Asia/Ho_Chi_Minh", Instant.parse("2026-12-04T09:00:00Z"), null, "sum", rows);
    }

    static Api.ReportRow row(String code, String name, String level, String parent, long population, String adoption) {
        return new Api.ReportRow(code, name, level, parent, new Api.Population(population, 2024, "seed"), 40, 12, 2_015, 1_998,
                adoption == null ? null : new BigDecimal(adoption), new BigDecimal("0.3"), 1, 17, 17, 16, 4, 0, null);
    }

    static final ReportPdf.Labels LABELS = new ReportPdf.Labels("Báo cáo ngày Tỉnh Hải Dương (30), 04/12/2026",
            "Tạo lúc 04/12/2026 16:05 · officer-hd", "Chưa chốt số liệu; giờ chốt: 04/12/2026 16:00",
            List.of("Đơn vị", "Lượt khai báo", "Người khai báo", "Địa điểm hoạt động", "Tỷ lệ sử dụng", "Ca bệnh",
                    "Người tiếp xúc", "Đã nhắn tin", "Đã nhận tin", "Đã liên lạc"));

    @Test
    void vietnameseTextAndAPngToLookAt() throws Exception {
        byte[] pdf = ReportPdf.write(report(3), LABELS, "now");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Báo cáo ngày Tỉnh Hải Dương (30), 04/12/2026"), text);
            assertTrue(text.contains("Thành phố Hải Dương"), text);
            assertTrue(text.contains("0,352 %"), text);
            assertTrue(text.contains("2.015"), text);
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Files.createDirectories(Path.of("target"));
            ImageIO.write(image, "png", Path.of("target", "report-pdf.png").toFile());
        }
    }

    @Test
    void longReportsTakeSeveralPages() throws Exception {
        byte[] pdf = ReportPdf.write(report(80), LABELS, "now");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2);
            assertTrue(new PDFTextStripper().getText(doc).contains("Quảng Ninh 79"));
        }
    }
}
