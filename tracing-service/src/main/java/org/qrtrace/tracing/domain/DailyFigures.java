package org.qrtrace.tracing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The counts of one administrative unit on one day (docs/architecture.md, "Daily reports"): venues and check-ins, then
 * the work on the unit's cases that day: cases confirmed, contacts identified, messages the SMSC took ({@code notified})
 * and delivered, contacts whose follow-up was set to reached (or further) and to tested positive.
 */
public record DailyFigures(int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors,
                           int cases, int contactsIdentified, int notified, int delivered, int reached,
                           int testedPositive) {

    public static final DailyFigures NONE = new DailyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures as a list in declaration order (the order of {@link #of}). */
    public java.util.List<Integer> asList() {
        return java.util.List.of(venuesRegistered, venuesActive, checkins, uniqueVisitors, cases, contactsIdentified,
                notified, delivered, reached, testedPositive);
    }

    /** From ten counts in declaration order. */
    public static DailyFigures of(int[] c) {
        return new DailyFigures(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
    }

    /**
     * Adoption: unique visitors as a percentage of the population, three decimals; null (absent, never 0) when the
     * population is unknown.
     */
    public BigDecimal adoptionPercent(Long population) {
        if (population == null || population <= 0) {
            return null;
        }
        return BigDecimal.valueOf(uniqueVisitors).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(population), 3, RoundingMode.HALF_UP);
    }

    /** Active venues / registered venues, four decimals; null when no venue is registered. */
    public BigDecimal activeVenueShare() {
        if (venuesRegistered == 0) {
            return null;
        }
        return BigDecimal.valueOf(venuesActive).divide(BigDecimal.valueOf(venuesRegistered), 4, RoundingMode.HALF_UP);
    }
}
