package org.qrtrace.venue.service;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineIndexTest {

    @Test
    void mapsOffsetsToLinesForEveryLineEnding() {
        String text = "a,b\r\nc\nd\re";
        VenueCsvReader.LineIndex index = new VenueCsvReader.LineIndex(text);
        assertEquals(1, index.lineOf(0));
        assertEquals(1, index.lineOf(3));
        assertEquals(2, index.lineOf(5));
        assertEquals(3, index.lineOf(7));
        assertEquals(4, index.lineOf(9));
    }

    @Property
    void lineIsOnePlusNewlinesBefore(@ForAll @IntRange(min = 1, max = 30) int lines,
                                     @ForAll @IntRange(min = 0, max = 10) int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append("x".repeat(width)).append('\n');
        }
        VenueCsvReader.LineIndex index = new VenueCsvReader.LineIndex(sb.toString());
        for (int line = 0; line < lines; line++) {
            assertEquals(line + 1, index.lineOf((long) line * (width + 1)));
        }
    }

    @Test
    void fieldErrorsOfEntrancesPointAtTheEntrancesColumn() {
        assertEquals("entrances", VenueCsvReader.columnOf("entrances[3].name"));
        assertEquals("name", VenueCsvReader.columnOf("name"));
    }
}
