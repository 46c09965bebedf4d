package org.qrtrace.venue.service.poster;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A4 PDF posters, one page per poster, with DejaVu Sans embedded (subset) so diacritics print correctly anywhere. The
 * QR code is vector (one rectangle per run of dark modules), sharp at any printer resolution.
 */
public final class PdfPosterWriter {

    private PdfPosterWriter() {
    }

    public static byte[] write(List<PosterLayout> posters, String title) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font regular;
            PDType0Font bold;
            try (InputStream r = PosterFonts.open(PosterFonts.REGULAR); InputStream b = PosterFonts.open(PosterFonts.BOLD)) {
                regular = PDType0Font.load(doc, r);
                bold = PDType0Font.load(doc, b);
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setCreator("qrtrace venue-service");
            doc.setDocumentInformation(info);
            for (PosterLayout poster : posters) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    draw(cs, poster, regular, bold, page.getMediaBox().getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write poster PDF", e);
        }
    }

    private static void draw(PDPageContentStream cs, PosterLayout poster, PDType0Font regular, PDType0Font bold,
                             float pageHeight) throws IOException {
        double k = PosterLayout.PT_PER_MM;
        for (PosterLayout.Box box : poster.boxes()) {
            colour(cs, box.colour());
            cs.addRect((float) (box.xMm() * k), (float) (pageHeight - (box.yMm() + box.heightMm()) * k),
                    (float) (box.widthMm() * k), (float) (box.heightMm() * k));
            cs.fill();
        }
        for (PosterLayout.Text text : poster.texts()) {
            PDType0Font font = text.bold() ? bold : regular;
            float width = font.getStringWidth(text.text()) / 1000f * (float) text.sizePt();
            colour(cs, text.colour());
            cs.beginText();
            cs.setFont(font, (float) text.sizePt());
            cs.newLineAtOffset((float) ((PosterLayout.PAGE_WIDTH_MM * k - width) / 2),
                    (float) (pageHeight - text.baselineMm() * k));
            cs.showText(text.text());
            cs.endText();
        }
        PosterLayout.Code code = poster.code();
        BitMatrix m = code.modules();
        double module = code.sideMm() * k / m.getWidth();
        // Each run reaches a hair into the row below, so that anti-aliasing viewers show no seams between rows.
        double seam = 0.3;
        colour(cs, 0x000000);
        DarkRuns.forEach(m, (row, start, end) -> cs.addRect((float) (code.xMm() * k + start * module),
                (float) (pageHeight - code.yMm() * k - (row + 1) * module - (row + 1 < m.getHeight() ? seam : 0)),
                (float) ((end - start) * module), (float) (module + (row + 1 < m.getHeight() ? seam : 0))));
        cs.fill();
    }

    private static void colour(PDPageContentStream cs, int rgb) throws IOException {
        cs.setNonStrokingColor(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f);
    }
}
