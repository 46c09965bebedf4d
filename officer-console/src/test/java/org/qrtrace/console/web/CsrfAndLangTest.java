package org.qrtrace.console.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfAndLangTest {

    @Test
    void tokensAreRandomAndCompared() {
        String a = Csrf.newToken();
        assertEquals(43, a.length());
        assertNotEquals(a, Csrf.newToken());
        assertTrue(Csrf.matches(a, a));
        assertFalse(Csrf.matches(a, Csrf.newToken()));
        assertFalse(Csrf.matches(a, null));
        assertFalse(Csrf.matches(null, a));
        assertFalse(Csrf.matches("short", "short"));
    }

    @Test
    void languageQueryThenCookieThenVietnamese() {
        assertEquals(Lang.en, Lang.pick("en", "vi"));
        assertEquals(Lang.vi, Lang.pick("vi", "en"));
        assertEquals(Lang.en, Lang.pick(null, "en"));
        assertEquals(Lang.en, Lang.pick("fr", "en"));
        assertEquals(Lang.vi, Lang.pick(null, null));
        assertEquals(Lang.vi, Lang.pick("<script>", "x"));
    }
}
