package org.qrtrace.checkin.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The clock of check-in times; one bean so that rules never call {@code Instant.now()} directly. */
@jakarta.enterprise.context.ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
