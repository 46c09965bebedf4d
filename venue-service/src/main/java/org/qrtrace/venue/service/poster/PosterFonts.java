package org.qrtrace.venue.service.poster;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans (Bitstream Vera licence, which allows embedding and redistribution; see fonts/LICENSE-DejaVu.txt),
 * bundled so that every machine renders Vietnamese diacritics the same way, whatever fonts it has installed.
 */
public final class PosterFonts {

    public static final String REGULAR = "/fonts/DejaVuSans.ttf";
    public static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";
    /** The family name SVG posters ask for, with common fallbacks that also cover Vietnamese. */
    public static final String SVG_FAMILY = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif";

    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);
    private static final Font REGULAR_FONT = load(REGULAR);
    private static final Font BOLD_FONT = load(BOLD);

    private PosterFonts() {
    }

    public static Font awt(boolean bold) {
        return bold ? BOLD_FONT : REGULAR_FONT;
    }

    /** Width in points of {@code text} set at {@code sizePt}. */
    public static double widthPt(String text, double sizePt, boolean bold) {
        return awt(bold).deriveFont((float) sizePt).getStringBounds(text, MEASURE).getWidth();
    }

    public static InputStream open(String resource) {
        InputStream in = PosterFonts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " missing from the class path");
        }
        return in;
    }

    private static Font load(String resource) {
        try (InputStream in = open(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + " is not a TrueType font", e);
        }
    }
}
