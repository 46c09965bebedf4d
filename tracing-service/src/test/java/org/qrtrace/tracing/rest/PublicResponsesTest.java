package org.qrtrace.tracing.rest;

import java.time.LocalDate;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.tracing.service.PublicExposureSites;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public page's times, the strong ETag and If-None-Match, without a server. */
class PublicResponsesTest {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aWindowWithinALocalDayShowsTheDayOnce() {
        assertEquals("14:00\u201316:30, 03/12/2026",
                ExposureSitePages.window(Instant.parse("2026-12-03T07:00:00Z"), Instant.parse("2026-12-03T09:30:00Z"), HCM));
    }

    @Test
    void aWindowOverLocalMidnightShowsBothDays() {
        assertEquals("22:00, 03/12/2026 \u2013 02:00, 04/12/2026",
                ExposureSitePages.window(Instant.parse("2026-12-03T15:00:00Z"), Instant.parse("2026-12-03T19:00:00Z"), HCM));
    }

    @Test
    void unitsAreNamedWithTheirAncestorsAndWhatTheyAreToday() {
        LocalDate june = LocalDate.of(2025, 6, 15);
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertEquals("Thành phố Tây Ninh, Tỉnh Tây Ninh", PublicExposureSites.place(AdminUnitCode.of("703"), june, today),
                "spread over several new communes of a province with the old one's name: nothing to add");
        assertEquals("Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương (nay: Phường Thành Đông, Thành phố Hải Phòng)",
                PublicExposureSites.place(AdminUnitCode.of("10510"), june, today));
        assertEquals("Phường Thành Đông, Thành phố Hải Phòng", PublicExposureSites.place(AdminUnitCode.of("10507"), today, today));
        assertEquals("99999", PublicExposureSites.place(AdminUnitCode.of("99999"), today, today));
    }

    @Test
    void thePageIsEnglishOnlyWhenAskedFor() {
        assertEquals("en", ExposureSitePages.language("en"));
        assertEquals("en", ExposureSitePages.language(" EN "));
        assertEquals("vi", ExposureSitePages.language(null));
        assertEquals("vi", ExposureSitePages.language("fr"));
    }

    @Test
    void bothLanguagesHaveEveryTextThePageUses() throws Exception {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/templates/exposure-sites/page.html")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\{m\\.(\\w+)}").matcher(template);
        while (m.find()) {
            used.add(m.group(1));
        }
        Properties vi = texts("vi");
        Properties en = texts("en");
        assertEquals(vi.stringPropertyNames(), en.stringPropertyNames());
        for (String key : used) {
            assertTrue(vi.containsKey(key), key);
        }
        // Qute reads {m.empty} or {m.size} as the map's own.
        for (String mapProperty : Set.of("empty", "size", "keys", "values")) {
            assertFalse(vi.containsKey(mapProperty), mapProperty);
        }
    }

    private static Properties texts(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PublicResponsesTest.class.getResourceAsStream("/exposure-sites/" + lang + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theSameBytesHaveTheSameStrongTag() {
        String a = PublicResponses.strongTag("{\"sites\":[]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(a, PublicResponses.strongTag("{\"sites\":[]}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, PublicResponses.strongTag("{\"sites\":[1]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(a.startsWith("\"") && a.endsWith("\"") && !a.startsWith("W/"), a);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndAStar() {
        String tag = "\"abc\"";
        assertTrue(PublicResponses.matches("\"abc\"", tag));
        assertTrue(PublicResponses.matches("W/\"abc\"", tag));
        assertTrue(PublicResponses.matches("\"x\", \"abc\"", tag));
        assertTrue(PublicResponses.matches("*", tag));
        assertFalse(PublicResponses.matches("\"abd\"", tag));
        assertFalse(PublicResponses.matches("abc", tag));
        assertFalse(PublicResponses.matches(null, tag));
        assertFalse(PublicResponses.matches(" ", tag));
    }

    @Test
    void theStyleHashIsWhatCspExpects() {
        // echo -n 'b{}' | openssl dgst -sha256 -binary | base64
        assertEquals("sha256-7yqHVAesot11p6HczDsgKRipvI5UPgs97z80zNXlans=", PublicResponses.cspHash("b{}"));
    }
}
