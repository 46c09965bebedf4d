package org.qrtrace.console.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.qrtrace.console.api.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * The daily report as a PDF (A4 landscape), rendered by the console from the report JSON: a title, the cut-off
 * snapshot's state and one table row per unit, in DejaVu Sans (embedded subset), which has every Vietnamese diacritic.
 */
public final class ReportPdf {

    /** Texts of the PDF in the officer's language (from the message bundle). */
    public record Labels(String title, String generated, String snapshot, List<String> columns) {
    }

    private static final float MARGIN = 36;
    private static final float ROW = 15;
    private static final float[] WIDTHS = {200, 62, 62, 70, 62, 52, 62, 62, 62, 62};

    private ReportPdf() {
    }

    public static byte[] write(Api.DailyReport report, Labels labels, String generatedAt) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = load(doc, "/fonts/DejaVuSans.ttf");
            PDFont bold = load(doc, "/fonts/DejaVuSans-Bold.ttf");
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            List<Api.ReportRow> rows = report.rows();
            int i = 0;
            int pageNo = 0;
            do {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                pageNo++;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = size.getHeight() - MARGIN;
                    if (pageNo == 1) {
                        text(cs, bold, 15, MARGIN, y - 12, labels.title());
                        y -= 30;
                        text(cs, regular, 9, MARGIN, y, labels.generated());
                        y -= 13;
                        text(cs, regular, 9, MARGIN, y, labels.snapshot());
                        y -= 20;
                    }
                    y = header(cs, bold, labels.columns(), y);
                    while (i < rows.size() && y > MARGIN + ROW) {
                        Api.ReportRow r = rows.get(i++);
                        boolean top = i == 1;
                        String name = (r.adminUnitCode() == null ? "" : r.adminUnitCode() + " ") + (r.name() == null ? "" : r.name());
                        String[] cells = {name, n(r.checkins()), n(r.uniqueVisitors()), r.venuesActive() + "/" + r.venuesRegistered(),
                                pct(r.adoptionPercent()), n(r.cases()), n(r.contactsIdentified()), n(r.notified()),
                                n(r.delivered()), n(r.reached())};
                        if (i % 2 == 0) {
                            cs.setNonStrokingColor(0.94f, 0.96f, 0.95f);
                            cs.addRect(MARGIN, y - 4, sum(WIDTHS), ROW);
                            cs.fill();
                            cs.setNonStrokingColor(0f, 0f, 0f);
                        }
                        row(cs, top ? bold : regular, cells, y);
                        y -= ROW;
                    }
                    text(cs, regular, 8, size.getWidth() - MARGIN - 40, MARGIN - 14, String.valueOf(pageNo));
                }
            } while (i < rows.size());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The column titles, each wrapped on up to two lines within its column. */
    private static float header(PDPageContentStream cs, PDFont bold, List<String> columns, float y) throws IOException {
        float size = 8f;
        cs.setNonStrokingColor(0.04f, 0.36f, 0.27f);
        cs.addRect(MARGIN, y - 5 - ROW + 2, sum(WIDTHS), 2 * ROW);
        cs.fill();
        cs.setNonStrokingColor(1f, 1f, 1f);
        float x = MARGIN;
        for (int c = 0; c < columns.size() && c < WIDTHS.length; c++) {
            List<String> lines = wrap(bold, size, columns.get(c), WIDTHS[c] - 6);
            for (int l = 0; l < lines.size() && l < 2; l++) {
                String line = fit(bold, size, lines.get(l), WIDTHS[c] - 6);
                float w = bold.getStringWidth(line) / 1000 * size;
                text(cs, bold, size, c == 0 ? x + 3 : x + WIDTHS[c] - 3 - w, y - l * 10, line);
            }
            x += WIDTHS[c];
        }
        cs.setNonStrokingColor(0f, 0f, 0f);
        return y - 2 * ROW - 2;
    }

    private static List<String> wrap(PDFont font, float size, String s, float width) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line = new StringBuilder(candidate);
            } else {
                lines.add(line.toString());
                line = new StringBuilder(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > 2) {
            lines = new java.util.ArrayList<>(List.of(lines.get(0), String.join(" ", lines.subList(1, lines.size()))));
        }
        return lines;
    }

    private static void row(PDPageContentStream cs, PDFont font, String[] cells, float y) throws IOException {
        float x = MARGIN;
        for (int c = 0; c < cells.length && c < WIDTHS.length; c++) {
            String cell = fit(font, 8.5f, cells[c], WIDTHS[c] - 6);
            float w = font.getStringWidth(cell) / 1000 * 8.5f;
            text(cs, font, 8.5f, c == 0 ? x + 3 : x + WIDTHS[c] - 3 - w, y, cell);
            x += WIDTHS[c];
        }
    }

    private static String fit(PDFont font, float size, String s, float width) throws IOException {
        String v = s == null ? "" : s;
        while (!v.isEmpty() && font.getStringWidth(v) / 1000 * size > width) {
            v = v.substring(0, v.length() - 2) + "…";
        }
        return v;
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s == null ? "" : s);
        cs.endText();
    }

    private static PDFont load(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " missing");
            }
            return PDType0Font.load(doc, in);
        }
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    private static String n(int v) {
        return String.format("%,d", v).replace(',', '.');
    }

    public static String pct(BigDecimal p) {
        return p == null ? "–" : p.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }
}
