package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.error.InvalidInput;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules of an exposure site's window, at a fixed instant (the service passes its clock's). */
class ExposureSiteRulesTest {

    static final Instant NOW = Instant.parse("2026-12-03T09:30:00Z");
    static final ExposureSiteRules RULES = new ExposureSiteRules(Duration.ofDays(14), Duration.ofMinutes(30), Duration.ofDays(14));

    static String refused(Instant from, Instant to) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> RULES.window(from, to, NOW));
        assertEquals(1, e.errors().size());
        return e.errors().get(0).field() + ": " + e.errors().get(0).message();
    }

    @Test
    void aPastWindowOfHoursIsAccepted() {
        Instant from = NOW.minus(Duration.ofHours(5));
        Instant to = NOW.minus(Duration.ofHours(3));
        assertEquals(new ExposureSiteRules.Window(from, to), RULES.window(from, to, NOW));
    }

    @Test
    void theWindowKeepsMicrosecondsOnly() {
        Instant from = Instant.parse("2026-12-03T01:00:00.123456789Z");
        ExposureSiteRules.Window w = RULES.window(from, from.plusSeconds(3600), NOW);
        assertEquals(Instant.parse("2026-12-03T01:00:00.123456Z"), w.from());
        assertEquals(Instant.parse("2026-12-03T02:00:00.123456Z"), w.to());
    }

    @Test
    void bothEndsAreRequiredAndOrdered() {
        assertEquals("from: is required", refused(null, NOW));
        assertEquals("to: is required", refused(NOW, null));
        assertEquals("to: must be after from", refused(NOW.minusSeconds(60), NOW.minusSeconds(60)));
        assertEquals("to: must be after from", refused(NOW.minusSeconds(60), NOW.minusSeconds(120)));
    }

    @Test
    void theWindowIsAtMostTheLongestAllowed() {
        Instant to = NOW.minus(Duration.ofHours(1));
        assertEquals(new ExposureSiteRules.Window(to.minus(Duration.ofDays(14)), to),
                RULES.window(to.minus(Duration.ofDays(14)), to, NOW));
        assertEquals("to: the window may span at most 14 days", refused(to.minus(Duration.ofDays(14)).minusSeconds(1), to));
    }

    @Test
    void theWindowIsOverUpToTheAllowance() {
        assertEquals(NOW.plus(Duration.ofMinutes(30)), RULES.window(NOW.minusSeconds(3600), NOW.plus(Duration.ofMinutes(30)), NOW).to());
        assertEquals("to: must not be in the future (a site is published once the case has left)",
                refused(NOW.minusSeconds(3600), NOW.plus(Duration.ofMinutes(31))));
    }

    @Test
    void aWindowTooOldToBeListedIsRefused() {
        Instant edge = NOW.minus(Duration.ofDays(14));
        assertEquals(edge.plusSeconds(1), RULES.window(edge.minusSeconds(3600), edge.plusSeconds(1), NOW).to());
        assertEquals("to: must be within the last 14 days: an older site would never be listed",
                refused(edge.minusSeconds(3600), edge));
        assertEquals(edge, RULES.listedSince(NOW));
    }

    @Test
    void badSettingsAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ExposureSiteRules(Duration.ZERO, Duration.ZERO, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new ExposureSiteRules(Duration.ofDays(1), Duration.ofMinutes(-1), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new ExposureSiteRules(Duration.ofDays(1), Duration.ZERO, Duration.ZERO));
    }
}
