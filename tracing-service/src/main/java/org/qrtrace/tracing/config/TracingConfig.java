package org.qrtrace.tracing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

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

    Notifications notifications();

    Smpp smpp();

    ExposureSites exposureSites();

    Events events();

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

        /**
         * How long the group waits for a silent member before giving its partitions to the others. Kafka's 45 s default
         * left a killed instance's partitions unread for that long (the cluster's fault run, docs/reliability.md); the
         * heartbeats run on the consumer's own thread, so a long batch does not count against it.
         */
        @WithDefault("PT10S")
        Duration sessionTimeout();

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

        /**
         * How long a contact's sealed phone is kept after their follow-up period ended (last exposure + follow-up
         * days): then it is deleted (the contact list shows no phone) and a message still queued for them is FAILED.
         * Pseudonym, tier, venues and statuses stay, for the case's record and the reports.
         */
        @WithDefault("P14D")
        java.time.Duration phoneKeptAfterFollowUp();
    }

    /** SMS to a case's contacts (docs/architecture.md, "Notifications"). */
    interface Notifications {

        /** Texts by language; placeholders {venue}, {from}, {to}, {hotline}, {advice}; checked at start. */
        Texts templates();

        /** What the contact should do, by language: the {advice} of the template. */
        Texts advice();

        /** The {hotline} of the template: the Ministry of Health's COVID-19 line. */
        @WithDefault("1900 9095")
        String hotline();

        /** Zone of {from}/{to} (dd/MM HH:mm) and of the send window. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId zone();

        /** Messages go out only between these local times (HH:mm; the end may be 24:00); outside, they wait. */
        @WithDefault("07:00")
        String windowStart();

        @WithDefault("21:00")
        String windowEnd();

        /** Messages submitted per second at most (each tick of {@link #sendEvery()} claims this many). */
        @WithDefault("10")
        int ratePerSecond();

        /** How often the sender looks for due messages; must be 1s for ratePerSecond to mean per second. */
        @WithDefault("1s")
        String sendEvery();

        /** Submits refused by the SMSC are retried up to this many attempts in all, then the message is FAILED. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first refused submit (and the first failed bind), doubled each time up to the maximum. */
        @WithDefault("PT30S")
        Duration retryBackoff();

        @WithDefault("PT30M")
        Duration maxRetryBackoff();

        /**
         * A message whose submit got no answer (the process stopped mid-submit, or no submit_sm_resp came: the SMSC
         * may or may not have it) stays SENDING this long, waiting for delivery receipts carrying its reference; with
         * not every part proved by then, it is sent again. Must be longer than the SMSC takes to send receipts.
         */
        @WithDefault("PT10M")
        Duration receiptWait();

        interface Texts {
            String vi();

            String en();
        }
    }

    /**
     * The SMSC, over SMPP 3.4 (bound as transceiver: submits and receipts on one session). Host, port, system id and
     * password come from QRTRACE_SMPP_HOST, _PORT, _SYSTEM_ID, _PASSWORD (application.properties).
     */
    interface Smpp {
        /** Off by default: without an SMSC the messages stay QUEUED. On in the local stack. */
        @WithDefault("false")
        boolean enabled();

        String host();

        int port();

        String systemId();

        Optional<String> password();

        /** The brandname sender id (alphanumeric, TON 5), at most 11 characters. */
        @WithDefault("BoYTe")
        String sourceAddress();

        /** Bind and submit_sm response timeout. */
        @WithDefault("PT10S")
        Duration timeout();

        @WithDefault("PT30S")
        Duration enquireLinkEvery();

        /** SMPP over TLS, for gateways that offer it (docs: tracing-service README, "Pointing it at a real SMSC"). */
        Tls tls();

        interface Tls {
            @WithDefault("false")
            boolean enabled();

            /** PKCS12 trust store with the gateway's CA; absent: the JVM's default trust (public CAs). */
            Optional<java.nio.file.Path> trustStore();

            Optional<String> trustStorePassword();
        }
    }

    /**
     * Venues and windows at which a case was present, published for the public (docs/architecture.md, "Exposure
     * sites").
     */
    interface ExposureSites {
        /**
         * Longest window of one site. A case's visits last hours; a window of days is a lodging or a workplace, and
         * two weeks (the incubation period) is the longest that still tells a visitor something.
         */
        @WithDefault("P14D")
        Duration maxWindow();

        /**
         * How far past now a window's end may lie: sites are published once the case has left, but officers round
         * windows up to the next half hour and clocks differ by a little.
         */
        @WithDefault("PT30M")
        Duration futureAllowance();

        /**
         * A site is listed while its window ended at most this long ago: the incubation period (14 days), after which
         * a visitor who has no symptoms has nothing left to watch for.
         */
        @WithDefault("P14D")
        Duration listedFor();

        /** Advice shown, by language, for a site published without its own ({@code advice} absent). */
        Notifications.Texts defaultAdvice();

        /** Zone of the times on the public page. */
        @WithDefault("Asia/Ho_Chi_Minh")
        ZoneId zone();

        /**
         * How long browsers and caches may keep the public list and page (Cache-Control max-age). A minute keeps a
         * withdrawal visible quickly while a crowd reloading the page during an outbreak mostly hits caches.
         */
        @WithDefault("PT60S")
        Duration publicMaxAge();
    }

    /** The relay of tracing-service's outbox to tracing.events (like venue-service's outbox relay). */
    interface Events {
        /** How often the relay looks for unsent events (Quarkus scheduler syntax). */
        @WithDefault("1s")
        String relayEvery();

        /** Events relayed per transaction at most (one transaction holding their rows). */
        @WithDefault("500")
        int batchSize();

        /** Batches one run sends back to back while they come back full (a burst of notifications drains sooner). */
        @WithDefault("10")
        int maxBatchesPerRun();

        /** Wait after the first failed run (Kafka unreachable); doubled after each further failure. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** How long the relay waits for Kafka to acknowledge a batch before counting it as failed (rows stay unsent). */
        @WithDefault("PT15S")
        Duration sendTimeout();
    }
}
