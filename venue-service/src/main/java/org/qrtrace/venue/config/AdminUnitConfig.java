package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Administrative units and their populations. Defaults are documented in the README. */
@ConfigMapping(prefix = "qrtrace.venue.admin-units")
public interface AdminUnitConfig {

    /**
     * The zone whose calendar days decide which edition of the official list is in force: the day a code is given (a
     * venue registered or its unit changed), "today" of the admin-unit endpoints, and the year a population may count.
     */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();
}
