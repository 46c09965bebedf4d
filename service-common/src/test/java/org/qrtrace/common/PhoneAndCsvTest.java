package org.qrtrace.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.csv.Csv;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneAndCsvTest {

    @ParameterizedTest
    @CsvSource({
            "0912345678, +84912345678",
            "0912 345 678, +84912345678",
            "+84 912 345 678, +84912345678",
            "84912345678, +84912345678",
            "(0220) 3890 000, +842203890000",
            "+44 20 7946 0958, +442079460958"})
    void normalisesToE164WithVietnamAsDefaultRegion(String raw, String expected) {
        assertEquals(expected, E164Phone.parse(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "12", "091234567890123", "+999 123456", "0000000000"})
    void rejectsWhatIsNotAPhoneWithoutEchoingIt(String raw) {
        InvalidPhoneException e = assertThrows(InvalidPhoneException.class, () -> E164Phone.parse(raw));
        assertFalse(raw.strip().length() > 3 && e.getMessage().contains(raw.strip()), e.getMessage());
    }

    @Test
    void maskedInToString() {
        assertFalse(E164Phone.parse("0912345678").toString().contains("912345678"));
    }

    @Property(tries = 300)
    void arbitraryInputNeverThrowsAnythingButInvalidPhone(@ForAll String raw) {
        try {
            assertTrue(E164Phone.parse(raw).value().startsWith("+"));
        } catch (InvalidPhoneException expected) {
            // a reason was given
            assertFalse(expected.getMessage().isBlank());
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> formulas() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
                org.junit.jupiter.params.provider.Arguments.of("+84912345678", "'+84912345678"),
                org.junit.jupiter.params.provider.Arguments.of("-1", "'-1"),
                org.junit.jupiter.params.provider.Arguments.of("@SUM(A1)", "'@SUM(A1)"),
                org.junit.jupiter.params.provider.Arguments.of("Bệnh viện, Hải Dương", "\"Bệnh viện, Hải Dương\""),
                org.junit.jupiter.params.provider.Arguments.of("plain", "plain"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("formulas")
    void neutralisesFormulasAndQuotes(String in, String out) {
        assertEquals(out, Csv.cell(in));
    }

    @Test
    void numbersStayNumbersAndRowsEndWithCrLf() {
        assertEquals("-5", Csv.cell(-5));
        assertEquals("a,,3\r\n", Csv.row(Arrays.asList("a", null, 3)));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
    }
}
