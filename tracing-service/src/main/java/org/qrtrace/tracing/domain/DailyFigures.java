package org.qrtrace.tracing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The counts of one administrative unit on one day (docs/architecture.md, "Daily reports"). */
public record DailyFigures(int venuesRegistered, int venuesActive, int checkins, int uniqueVisitors) {

    public static final DailyFigures NONE = new DailyFigures(0, 0, 0, 0);

    /** Unique visitors per 1,000 residents, two decimals; null when the population is unknown. */
    public BigDecimal visitorsPer1000(Long population) {
        if (population == null || population <= 0) {
            return null;
        }
        return BigDecimal.valueOf(uniqueVisitors).multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
    }

    /** Active venues / registered venues, four decimals; null when no venue is registered. */
    public BigDecimal activeVenueShare() {
        if (venuesRegistered == 0) {
            return null;
        }
        return BigDecimal.valueOf(venuesActive).divide(BigDecimal.valueOf(venuesRegistered), 4, RoundingMode.HALF_UP);
    }
}
