package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follow-up until the last exposure plus the period; overdue past it without a final status. */
class FollowUpPeriodTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final FollowUpPeriod FOURTEEN_DAYS = new FollowUpPeriod(Duration.ofDays(14));

    @Test
    void followedUntilTheLastExposurePlusThePeriod() {
        assertEquals(Instant.parse("2026-11-17T08:00:00Z"), FOURTEEN_DAYS.followUntil(Instant.parse("2026-11-03T08:00:00Z")));
    }

    @Test
    void overduePastThePeriodWithoutAFinalStatus() {
        Instant twentyDaysBack = NOW.minus(Duration.ofDays(20));
        assertTrue(FOURTEEN_DAYS.overdue(twentyDaysBack, null, NOW), "nothing recorded");
        assertTrue(FOURTEEN_DAYS.overdue(twentyDaysBack, FollowUpStatus.REACHED, NOW));
        assertTrue(FOURTEEN_DAYS.overdue(twentyDaysBack, FollowUpStatus.QUARANTINED, NOW));
        assertFalse(FOURTEEN_DAYS.overdue(twentyDaysBack, FollowUpStatus.TESTED_NEGATIVE, NOW));
        assertFalse(FOURTEEN_DAYS.overdue(twentyDaysBack, FollowUpStatus.TESTED_POSITIVE, NOW));
        assertFalse(FOURTEEN_DAYS.overdue(twentyDaysBack, FollowUpStatus.UNREACHABLE, NOW));
    }

    @Test
    void notOverdueWithinThePeriodNorAtItsEnd() {
        assertFalse(FOURTEEN_DAYS.overdue(NOW.minus(Duration.ofDays(10)), null, NOW));
        assertFalse(FOURTEEN_DAYS.overdue(NOW.minus(Duration.ofDays(14)), null, NOW), "at followUntil exactly");
        assertTrue(FOURTEEN_DAYS.overdue(NOW.minus(Duration.ofDays(14)).minusSeconds(1), null, NOW));
    }

    @Test
    void statusParsingNamesTheField() {
        assertEquals(FollowUpStatus.UNREACHABLE, FollowUpStatus.parse("status", " UNREACHABLE "));
        var e = assertThrows(org.qrtrace.common.error.InvalidInput.class, () -> FollowUpStatus.parse("status", "CURED"));
        assertEquals("status", e.errors().get(0).field());
        assertThrows(org.qrtrace.common.error.InvalidInput.class, () -> FollowUpStatus.parse("status", "reached"));
    }
}
