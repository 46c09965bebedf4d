package org.qrtrace.testing;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Reads the QR code of a rendered poster the way a phone camera does: looking for a QR code only, from more than one
 * distance, in more than one light. zxing reads one frame at one scale, and on these clean renders with large modules
 * (~15 px at 150 DPI) its local-threshold binariser misses some valid codes at some scales, one pixel of image size
 * deciding (posters zbar reads at once: a PNG not found at 100 % and 50 % but at 75 %, a PDF page at 150 DPI found
 * only with the global binariser at 100 %); a camera sees the poster at a new scale and exposure in every frame. What
 * is read must still be the exact text.
 */
public final class PosterScanner {

    /** The scales tried, in order: the rendered image first. */
    private static final double[] SCALES = {1.0, 0.75, 0.5, 0.33};

    private PosterScanner() {
    }

    /**
     * @return the code's text, with its result points in the coordinates of {@code image}
     * @throws AssertionError when no QR code is read at any scale
     */
    public static Result readQr(BufferedImage image) {
        ReaderException last = null;
        for (double scale : SCALES) {
            BufferedImage frame = scale == 1.0 ? image : scaled(image, scale);
            LuminanceSource luminance = new BufferedImageLuminanceSource(frame);
            for (Binarizer binarizer : new Binarizer[] {new HybridBinarizer(luminance), new GlobalHistogramBinarizer(luminance)}) {
                try {
                    Result r = new QRCodeReader().decode(new BinaryBitmap(binarizer), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
                    return scale == 1.0 ? r : unscaled(r, scale);
                } catch (NotFoundException | ChecksumException | FormatException e) {
                    last = e;
                }
            }
        }
        throw new AssertionError("no QR code read from the rendered poster at scales 100/75/50/33 % with either binariser: " + last);
    }

    private static BufferedImage scaled(BufferedImage image, double scale) {
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static Result unscaled(Result r, double scale) {
        ResultPoint[] points = r.getResultPoints();
        ResultPoint[] back = new ResultPoint[points.length];
        for (int i = 0; i < points.length; i++) {
            back[i] = new ResultPoint((float) (points[i].getX() / scale), (float) (points[i].getY() / scale));
        }
        return new Result(r.getText(), r.getRawBytes(), back, r.getBarcodeFormat());
    }
}
