package org.qrtrace.tracing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Typed configuration of tracing-service ({@code qrtrace.tracing.*}); every default is documented here and in the
 * README. The shared secrets live beside it: {@code qrtrace.pepper} (service-common's
 * PepperProducer) and {@code qrtrace.seal.private-key} (ContactOpener), each read where it is used.
 */
@ConfigMapping(prefix = "qrtrace.tracing")
public interface TracingConfig {

    Presence presence();

    Exposure exposure();

    Consumer consumer();

    Reports reports();

    Cases cases();

    interface Presence {
        /** Presence data older than this is dropped, a whole day partition at a time. */
        @WithDefault("P21D")
        Duration retention();

        /** Day partitions created ahead of today (and at start-up). */
        @WithDefault("7")
        int partitionsAhead();

        /**
         * Longest presence interval stored; longer visits are capped. The exposure query looks back this far before a
         * window so that visits starting before it but still running are found through the (venue, start) index.
         */
        @WithDefault("PT72H")
        Duration maxStay();

        /** How often partitions are created ahead and old ones dropped. */
        @WithDefault("1h")
        String maintenanceEvery();
    }

    interface Exposure {
        @WithDefault("30")
        int defaultBufferMinutes();

        @WithDefault("15")
        int defaultMinOverlapMinutes();

        /** Longest query window [from, to) accepted. */
        @WithDefault("P30D")
        Duration maxWindow();

        /** Upper bound of bufferMinutes accepted. */
        @WithDefault("1440")
        int maxBufferMinutes();
    }

    interface Consumer {
        /** Off only for tools that must not consume (the consumer is what fills the presence store). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("tracing-service")
        String groupId();

        @WithDefault("500")
        int maxPollRecords();

        @WithDefault("PT1S")
        Duration pollTimeout();

        /**
         * The broker answers a fetch once it has this many bytes or {@link #fetchMaxWait()} passed. Each answered fetch
         * is one database transaction (one WAL flush) and one offset commit, so under load fewer, larger batches cost
         * less per check-in; when quiet a visit still becomes queryable within the wait (the lag goal is 1 s).
         */
        @WithDefault("65536")
        int fetchMinBytes();

        @WithDefault("PT0.1S")
        Duration fetchMaxWait();

        /** Pause after a failed batch (database down) before the same records are read again. */
        @WithDefault("PT2S")
        Duration retryBackoff();
    }

    interface Reports {
        /** Time zone of report days and of the cut-off. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId zone();

        /** Local time at which the day's figures are frozen and sent upward. */
        @WithDefault("16:00")
        LocalTime cutoff();

        /** How often the scheduler checks whether today's snapshot is due. */
        @WithDefault("60s")
        String snapshotCheckEvery();
    }

    interface Cases {
        /**
         * Days a case's contact is followed after their last exposure: the incubation period the health authority
         * uses (14 days); past it, a contact without a final follow-up status is overdue.
         */
        @WithDefault("14")
        int followUpDays();
    }
}
