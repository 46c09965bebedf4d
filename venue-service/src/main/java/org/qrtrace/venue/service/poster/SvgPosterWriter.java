package org.qrtrace.venue.service.poster;

import com.google.zxing.common.BitMatrix;

import java.util.Locale;

/**
 * The poster as SVG, sized in millimetres (prints at A4). Text stays text (searchable, accessible); it names DejaVu
 * Sans with fallbacks that cover Vietnamese. The QR code is one path in module units with crisp edges.
 */
public final class SvgPosterWriter {

    private SvgPosterWriter() {
    }

    public static String write(PosterLayout poster, String title) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\" viewBox=\"0 0 ")
                .append(fmt(PosterLayout.PAGE_WIDTH_MM)).append(' ').append(fmt(PosterLayout.PAGE_HEIGHT_MM))
                .append("\">\n<title>").append(escape(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (PosterLayout.Box box : poster.boxes()) {
            svg.append("<rect x=\"").append(fmt(box.xMm())).append("\" y=\"").append(fmt(box.yMm()))
                    .append("\" width=\"").append(fmt(box.widthMm())).append("\" height=\"").append(fmt(box.heightMm()))
                    .append("\" fill=\"").append(hex(box.colour())).append("\"/>\n");
        }
        for (PosterLayout.Text text : poster.texts()) {
            svg.append("<text x=\"").append(fmt(PosterLayout.PAGE_WIDTH_MM / 2)).append("\" y=\"")
                    .append(fmt(text.baselineMm())).append("\" text-anchor=\"middle\" font-family=\"")
                    .append(PosterFonts.SVG_FAMILY).append("\" font-size=\"")
                    .append(fmt(text.sizePt() / PosterLayout.PT_PER_MM)).append("\" fill=\"").append(hex(text.colour()))
                    .append('"').append(text.bold() ? " font-weight=\"bold\"" : "").append('>')
                    .append(escape(text.text())).append("</text>\n");
        }
        PosterLayout.Code code = poster.code();
        BitMatrix m = code.modules();
        svg.append("<svg x=\"").append(fmt(code.xMm())).append("\" y=\"").append(fmt(code.yMm()))
                .append("\" width=\"").append(fmt(code.sideMm())).append("\" height=\"").append(fmt(code.sideMm()))
                .append("\" viewBox=\"0 0 ").append(m.getWidth()).append(' ').append(m.getHeight())
                .append("\" shape-rendering=\"crispEdges\">\n<path fill=\"#000000\" d=\"");
        DarkRuns.forEach(m, (row, start, end) -> svg.append('M').append(start).append(' ').append(row).append('h')
                .append(end - start).append("v1h-").append(end - start).append('z'));
        svg.append("\"/>\n</svg>\n</svg>\n");
        return svg.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
