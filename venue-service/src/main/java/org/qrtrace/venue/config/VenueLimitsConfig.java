package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the venue API and CSV import. Defaults are documented in the README. */
@ConfigMapping(prefix = "qrtrace.venues")
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
}
