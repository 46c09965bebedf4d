package org.qrtrace.venue.service.poster;

import com.google.zxing.common.BitMatrix;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The poster as a PNG with A4 proportions; QR modules are snapped to whole pixels so the code stays crisp. */
public final class PngPosterWriter {

    private PngPosterWriter() {
    }

    public static byte[] write(PosterLayout poster, int widthPx) {
        double pxPerMm = widthPx / PosterLayout.PAGE_WIDTH_MM;
        int heightPx = (int) Math.round(PosterLayout.PAGE_HEIGHT_MM * pxPerMm);
        BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthPx, heightPx);
            for (PosterLayout.Box box : poster.boxes()) {
                g.setColor(new Color(box.colour()));
                g.fillRect((int) Math.round(box.xMm() * pxPerMm), (int) Math.round(box.yMm() * pxPerMm),
                        (int) Math.round(box.widthMm() * pxPerMm), (int) Math.round(box.heightMm() * pxPerMm));
            }
            double pxPerPt = pxPerMm / PosterLayout.PT_PER_MM;
            for (PosterLayout.Text text : poster.texts()) {
                g.setFont(PosterFonts.awt(text.bold()).deriveFont((float) (text.sizePt() * pxPerPt)));
                g.setColor(new Color(text.colour()));
                float width = (float) g.getFontMetrics().getStringBounds(text.text(), g).getWidth();
                g.drawString(text.text(), (widthPx - width) / 2f, (float) (text.baselineMm() * pxPerMm));
            }
            PosterLayout.Code code = poster.code();
            BitMatrix m = code.modules();
            int module = Math.max(1, (int) Math.floor(code.sideMm() * pxPerMm / m.getWidth()));
            int side = module * m.getWidth();
            int x0 = (widthPx - side) / 2;
            int y0 = (int) Math.round((code.yMm() + code.sideMm() / 2) * pxPerMm) - side / 2;
            g.setColor(Color.BLACK);
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        g.fillRect(x0 + col * module, y0 + row * module, module, module);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write poster PNG", e);
        }
    }
}
