package org.qrtrace.checkin.rest;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageTextTest {

    @Test
    void vietnameseUnlessEnglishIsAskedForOrPreferred() {
        assertEquals("vi", PageText.choose(null, null));
        assertEquals("vi", PageText.choose(null, "fr-FR,fr;q=0.9"));
        assertEquals("en", PageText.choose(null, "fr-FR,en;q=0.8,vi;q=0.5"));
        assertEquals("vi", PageText.choose(null, "en;q=0.4,vi-VN;q=0.9"));
        assertEquals("en", PageText.choose("EN", "vi"));
        assertEquals("vi", PageText.choose("de", "vi"));
        assertEquals("vi", PageText.choose(null, ";;;q=bad"));
    }

    @Test
    void bothLanguagesHaveEveryText() {
        Set<String> vi = PageText.of("vi").keySet();
        assertEquals(vi, PageText.of("en").keySet());
    }
}
