package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ucs2SegmentsTest {

    static final String VI = "Bạn đã ở cùng địa điểm với một ca bệnh. Hãy tự theo dõi sức khỏe và gọi đường dây nóng 1900 9095 ngay.";

    @Test
    void upTo70CharactersIsOnePartWithoutHeader() {
        String text = "ă".repeat(70);
        List<byte[]> parts = Ucs2Segments.split(text, 7);
        assertEquals(1, parts.size());
        assertFalse(Ucs2Segments.concatenated(parts));
        assertEquals(text, new String(parts.get(0), StandardCharsets.UTF_16BE));
    }

    @Test
    void longerTextIsSplitInto67CharacterPartsWithAConcatenationHeader() {
        String text = "ơ".repeat(71);
        List<byte[]> parts = Ucs2Segments.split(text, 200);
        assertEquals(2, parts.size());
        assertTrue(Ucs2Segments.concatenated(parts));
        for (int i = 0; i < 2; i++) {
            byte[] p = parts.get(i);
            assertEquals(List.of((byte) 5, (byte) 0, (byte) 3, (byte) 200, (byte) 2, (byte) (i + 1)),
                    List.of(p[0], p[1], p[2], p[3], p[4], p[5]));
        }
        assertEquals(6 + 67 * 2, parts.get(0).length);
        assertEquals(6 + 4 * 2, parts.get(1).length);
    }

    @Test
    void partsJoinBackToTheText() {
        String text = VI + " " + VI;
        List<byte[]> parts = Ucs2Segments.split(text, 1);
        assertEquals((text.length() + 66) / 67, parts.size());
        assertEquals(text, join(parts));
    }

    @Test
    void aSurrogatePairIsNeverCut() {
        String text = "a".repeat(66) + "😷" + "b".repeat(10);
        List<byte[]> parts = Ucs2Segments.split(text, 1);
        assertEquals(66 * 2 + 6, parts.get(0).length);
        assertEquals(text, join(parts));
    }

    private static String join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 6, p.length - 6);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_16BE);
    }

    @Test
    void referenceIsTheLowByte() {
        assertEquals((byte) 0x34, Ucs2Segments.split("x".repeat(100), 0x1234).get(1)[3]);
        assertTrue(Arrays.equals(Ucs2Segments.split("x", 9).get(0), "x".getBytes(StandardCharsets.UTF_16BE)));
    }
}
