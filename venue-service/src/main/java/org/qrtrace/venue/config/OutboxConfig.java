package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay to Kafka. Defaults are documented in the README. */
@ConfigMapping(prefix = "qrtrace.venue.outbox")
public interface OutboxConfig {
    /** How often the relay looks for unsent events (Quarkus scheduler syntax, e.g. {@code 1s}). */
    @WithDefault("1s")
    String pollInterval();

    /** Rows relayed per database round trip. */
    @WithDefault("500")
    int batchSize();

    /** Most batches relayed in one run of the relay, so one run never holds the scheduler thread for long. */
    @WithDefault("40")
    int maxBatchesPerRun();

    /** Wait after the first failed relay run; doubled after each further failure. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    /** Longest wait between relay attempts while Kafka is unavailable. */
    @WithDefault("PT30S")
    Duration maxBackoff();

    /** How long the relay waits for Kafka to acknowledge a batch before counting it as failed. */
    @WithDefault("PT15S")
    Duration sendTimeout();
}
