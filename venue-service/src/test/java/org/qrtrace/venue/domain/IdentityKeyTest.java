package org.qrtrace.venue.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityKeyTest {

    @Test
    void sameVenueDespiteCaseSpacesAndUnicodeForm() {
        String composed = "Bệnh viện Đa khoa";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertEquals(IdentityKey.of("288", composed, "225 Nguyễn Lương Bằng"),
                IdentityKey.of("288", "  " + decomposed.toUpperCase() + " ", "225   nguyễn lương BẰNG"));
        assertNotEquals(IdentityKey.of("288", composed, "1 A"), IdentityKey.of("290", composed, "1 A"));
        // Diacritics distinguish names for identity (Ba vs Bà are different words)...
        assertNotEquals(IdentityKey.normalise("Chợ Bà"), IdentityKey.normalise("Chợ Ba"));
        // ...but search ignores them.
        assertEquals("benh vien da khoa", IdentityKey.searchable(composed));
    }

    @org.junit.jupiter.api.Test
    void normaliseIsIdempotentWhereLowerCasingDecomposes() {
        // The counterexample jqwik found: U+0130 lower-cases to i + U+0307, which must be put in canonical order
        // with the following mark.
        String once = IdentityKey.normalise("\u0130\u0316");
        assertEquals(once, IdentityKey.normalise(once));
    }

    @Property
    void normaliseIsIdempotent(@ForAll @StringLength(max = 60) String s) {
        String once = IdentityKey.normalise(s);
        assertEquals(once, IdentityKey.normalise(once));
    }

    @Property
    void normalisedTextHasNoOuterOrDoubleSpaces(@ForAll @StringLength(max = 60) String s) {
        String n = IdentityKey.normalise(s);
        assertEquals(n.strip(), n);
        assertFalse(n.matches(".*\\s{2,}.*"));
    }

    @Property
    void searchableTextHasNoCombiningMarks(@ForAll @StringLength(max = 60) String s) {
        String n = Normalizer.normalize(IdentityKey.searchable(s), Normalizer.Form.NFD);
        assertTrue(n.codePoints().noneMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK
                && c >= 0x300 && c <= 0x36F), n);
    }
}
