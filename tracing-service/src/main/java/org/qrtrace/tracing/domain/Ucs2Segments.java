package org.qrtrace.tracing.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMS text as UCS-2 (data coding 0x08, UTF-16BE) short messages: one part of at most 70 characters, or
 * concatenated parts of at most 67 characters each behind a 6-byte user data header (IEI 0x00: 8-bit reference, total,
 * sequence; sent with esm_class 0x40). A surrogate pair is never cut between parts. Always UCS-2, even for ASCII text:
 * one encoding to test, at the price of 70 rather than 160 characters per part for English.
 */
public final class Ucs2Segments {

    public static final int SINGLE = 70;
    public static final int PER_PART = 67;
    /** SMPP/GSM allow at most 255 parts under an 8-bit header. */
    public static final int MAX_PARTS = 255;

    private Ucs2Segments() {
    }

    /** True when {@link #split} gives more than one part (the submit then needs esm_class 0x40). */
    public static boolean concatenated(List<byte[]> parts) {
        return parts.size() > 1;
    }

    /** The short_message bodies in order; {@code reference} is the message's 8-bit concatenation reference. */
    public static List<byte[]> split(String text, int reference) {
        if (text.length() <= SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PER_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("a text of " + text.length() + " characters needs more than "
                    + MAX_PARTS + " parts");
        }
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05;                      // UDH length
            part[1] = 0x00;                      // IEI: concatenated short messages, 8-bit reference
            part[2] = 0x03;                      // IE length
            part[3] = (byte) reference;
            part[4] = (byte) chunks.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            parts.add(part);
        }
        return parts;
    }
}
