package org.qrtrace.venue.service.poster;

import com.google.zxing.common.BitMatrix;

/**
 * The horizontal runs of dark modules of a QR matrix, row by row: vector posters (PDF, SVG) draw one rectangle per
 * run instead of one per module, which keeps the files small and the rows free of seams.
 */
final class DarkRuns {

    /** A run of dark modules on {@code row}, from column {@code start} (inclusive) to {@code end} (exclusive). */
    @FunctionalInterface
    interface Run<E extends Exception> {
        void accept(int row, int start, int end) throws E;
    }

    private DarkRuns() {
    }

    static <E extends Exception> void forEach(BitMatrix m, Run<E> run) throws E {
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                run.accept(row, start, col);
            }
        }
    }
}
