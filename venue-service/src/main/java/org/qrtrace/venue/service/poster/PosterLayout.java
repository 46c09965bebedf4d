package org.qrtrace.venue.service.poster;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The A4 poster laid out once, in millimetres from the top-left corner, and drawn identically by the PDF, PNG and SVG
 * writers. Text is centred; long names shrink, then wrap onto a second line. Under the name: the address with the
 * venue's administrative unit as registered, then, when that unit is no longer in force, what it is today.
 */
public final class PosterLayout {

    public static final double PAGE_WIDTH_MM = 210;
    public static final double PAGE_HEIGHT_MM = 297;
    public static final double PT_PER_MM = 72 / 25.4;
    /** Error correction Q (25 %): a smudged or partly torn poster still scans. The contract asks for M or higher. */
    public static final ErrorCorrectionLevel ERROR_CORRECTION = ErrorCorrectionLevel.Q;

    static final int BAND_COLOUR = 0x0B5563;
    static final int TEXT_COLOUR = 0x111111;
    static final int MUTED_COLOUR = 0x555555;
    static final int WHITE = 0xFFFFFF;
    private static final double MARGIN_MM = 12;
    private static final double TEXT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_MM;

    /** A line of centred text: {@code baselineMm} from the top. */
    public record Text(String text, double baselineMm, double sizePt, boolean bold, int colour) {
    }

    /** A filled rectangle. */
    public record Box(double xMm, double yMm, double widthMm, double heightMm, int colour) {
    }

    /** The QR code: its modules (no quiet zone) drawn in a square of {@code sideMm} at x, y. */
    public record Code(double xMm, double yMm, double sideMm, BitMatrix modules) {
    }

    /** Space between the title band and the venue name, and the least it is reduced to when the page is full. */
    private static final double TOP_GAP_MM = 12;
    private static final double MIN_TOP_GAP_MM = 4;
    /** Distance between the instructions, and the least it is reduced to. */
    private static final double STEP_MM = 10.5;
    private static final double MIN_STEP_MM = 9.5;
    /** The smallest printed side of the code the poster may fall back to (the contract's 15 cm). */
    public static final double MIN_QR_SIDE_MM = 150;
    private static final double FOOT_BASELINE_MM = PAGE_HEIGHT_MM - 6;
    private static final double FOOT_PT = 7;
    /** The lowest instruction's baseline stays this far above the venue id's capitals. */
    private static final double FOOT_CLEARANCE_MM = 1.5;

    private final List<Box> boxes = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private Code code;

    /**
     * Lays the poster out with the usual spacing; when the texts above the code take so many lines that the instructions
     * would reach the venue id at the foot, the space under the title band shrinks first, then the space between the
     * instructions, and only then the code, never below {@link #MIN_QR_SIDE_MM}.
     */
    private PosterLayout(PosterContent content, double qrSideMm) {
        double gap = TOP_GAP_MM;
        double step = STEP_MM;
        double side = qrSideMm;
        double overflow = layOut(content, gap, step, side);
        if (overflow > 0) {
            gap = Math.max(MIN_TOP_GAP_MM, gap - overflow);
            overflow = layOut(content, gap, step, side);
        }
        if (overflow > 0) {
            step = Math.max(MIN_STEP_MM, step - overflow / 2);
            overflow = layOut(content, gap, step, side);
        }
        if (overflow > 0) {
            side = Math.max(Math.min(MIN_QR_SIDE_MM, qrSideMm), side - overflow);
            layOut(content, gap, step, side);
        }
    }

    /** Lays everything out; returns how far (mm) the lowest instruction reaches into the foot, 0 or less when clear. */
    private double layOut(PosterContent content, double topGapMm, double stepMm, double qrSideMm) {
        boxes.clear();
        texts.clear();
        boxes.add(new Box(0, 0, PAGE_WIDTH_MM, 34, BAND_COLOUR));
        texts.add(new Text("QUÉT MÃ QR ĐỂ KHAI BÁO Y TẾ", 15, 22, true, WHITE));
        texts.add(new Text("Scan the QR code to check in (health declaration)", 26, 13, false, WHITE));
        double y = 34 + topGapMm;
        y = centredLines(content.venueName(), y, 26, 16, true, TEXT_COLOUR, 2);
        String place = content.adminUnitName() == null ? content.address()
                : content.address() + ", " + content.adminUnitName();
        y = centredLines(place, y + 1.5, 12, 10, false, MUTED_COLOUR, 2);
        if (content.adminUnitToday() != null) {
            // What the unit is today, on a line of its own so that it is never split or shortened with the address.
            y = centredLines(content.adminUnitToday(), y, 11, 10, false, MUTED_COLOUR, 1);
        }
        if (content.entranceName() != null) {
            y = centredLines("Lối vào / Entrance: " + content.entranceName(), y + 1.5, 14, 11, true, BAND_COLOUR, 1);
        }
        BitMatrix modules = matrix(content.qrUrl());
        // The quiet zone a scanner needs: four modules of white on every side.
        double quietMm = 4 * qrSideMm / modules.getWidth();
        double qrTop = y + quietMm;
        code = new Code((PAGE_WIDTH_MM - qrSideMm) / 2, qrTop, qrSideMm, modules);
        // The first instruction's capitals must stay clear of the quiet zone: baseline one cap height below it, plus air.
        y = qrTop + qrSideMm + quietMm + 12 / PT_PER_MM + 1.5;
        String[][] steps = {
                {"1. Mở camera điện thoại, quét mã QR", "Open your phone camera and scan the QR code"},
                {"2. Nhập số điện thoại, họ tên, bấm \u201cKhai báo\u201d", "Enter your phone number and name, then submit"},
                {"3. Xuất trình màn hình xác nhận khi được yêu cầu", "Show the confirmation screen when asked"}};
        double lowest = y;
        for (String[] step : steps) {
            texts.add(new Text(step[0], y, 12, false, TEXT_COLOUR));
            texts.add(new Text(step[1], y + 4.6, 10, false, MUTED_COLOUR));
            lowest = y + 4.6;
            y += stepMm;
        }
        texts.add(new Text("Mã địa điểm / Venue ID: " + content.venueId(), FOOT_BASELINE_MM, FOOT_PT, false,
                MUTED_COLOUR));
        return lowest + FOOT_CLEARANCE_MM - (FOOT_BASELINE_MM - FOOT_PT / PT_PER_MM);
    }

    public static PosterLayout of(PosterContent content, double qrSideMm) {
        return new PosterLayout(content, qrSideMm);
    }

    public List<Box> boxes() {
        return boxes;
    }

    public List<Text> texts() {
        return texts;
    }

    public Code code() {
        return code;
    }

    /**
     * Adds {@code text} centred below {@code top}: at the largest size from {@code maxPt} down to {@code minPt} that
     * fits one line, else wrapped at {@code minPt} over at most {@code maxLines} lines (the last one shortened).
     *
     * @return the y below the text
     */
    private double centredLines(String text, double top, double maxPt, double minPt, boolean bold, int colour,
                                int maxLines) {
        double size = maxPt;
        while (size > minPt && PosterFonts.widthPt(text, size, bold) > TEXT_WIDTH_MM * PT_PER_MM) {
            size -= 0.5;
        }
        List<String> lines = wrap(text, size, bold, maxLines);
        double lineHeightMm = size / PT_PER_MM * 1.25;
        double y = top;
        for (String line : lines) {
            y += lineHeightMm;
            texts.add(new Text(line, y - lineHeightMm * 0.22, size, bold, colour));
        }
        return y;
    }

    private static List<String> wrap(String text, double size, boolean bold, int maxLines) {
        double max = TEXT_WIDTH_MM * PT_PER_MM;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (PosterFonts.widthPt(candidate, size, bold) <= max || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            String last = String.join(" ", lines.subList(maxLines - 1, lines.size()));
            while (PosterFonts.widthPt(last + "…", size, bold) > max && last.length() > 1) {
                last = last.substring(0, last.length() - 1);
            }
            kept.set(maxLines - 1, last + "…");
            return kept;
        }
        return lines;
    }

    static BitMatrix matrix(String content) {
        try {
            // Requested size 1: zxing then draws one unit per module, without a quiet zone (margin 0); the page's white
            // space around the square is the quiet zone.
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 1, 1, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ERROR_CORRECTION,
                    EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode QR code", e);
        }
    }
}
