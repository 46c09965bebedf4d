package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits of the venue API and CSV import, and what it tells callers to wait. Defaults are documented in the README. */
@ConfigMapping(prefix = "qrtrace.venue.limits")
public interface VenueLimitsConfig {
    /** Default page size of {@code GET /api/v1/venues}. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest page size accepted. */
    @WithDefault("500")
    int maxPageSize();

    /** Most data rows accepted in one CSV import. */
    @WithDefault("20000")
    int importMaxRows();

    /** Most problems listed in an import report (the count is always complete). */
    @WithDefault("1000")
    int importMaxReportedErrors();

    /** Retry-After of the 503 answered when the database cannot be reached (the request changed nothing). */
    @WithDefault("PT5S")
    Duration unavailableRetryAfter();
}
