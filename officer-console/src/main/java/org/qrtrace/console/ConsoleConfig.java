package org.qrtrace.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The console's own settings ({@code qrtrace.console.*}). */
@ConfigMapping(prefix = "qrtrace.console")
public interface ConsoleConfig {

    /** The Keycloak realm's issuer: its origin is allowed as a form target (sign-in and sign-out redirects). */
    String issuer();

    /** venue-service and checkin-service (accepted for the contract; the pages so far read tracing-service only). */
    @WithDefault("http://127.0.0.1:8081")
    String venueUrl();

    @WithDefault("http://127.0.0.1:8082")
    String checkinUrl();

    /** Cookies carry Secure (true outside the plain-http local stack and dev mode). */
    @WithDefault("true")
    boolean secureCookies();

    /** Times on pages and in the PDF. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** Days of the daily report's trend (one report call per day). */
    @WithDefault("14")
    int trendDays();
}
