package org.qrtrace.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of every service (UTC). Rules and stores inject it instead of calling {@code Instant.now()}, so that
 * a test can hand a rule the time it needs, and the code reads time from one place (docs/architecture.md, "Time").
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
