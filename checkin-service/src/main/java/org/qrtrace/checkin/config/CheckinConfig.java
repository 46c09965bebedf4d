package org.qrtrace.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;

/**
 * Typed configuration of checkin-service (prefix {@code qrtrace}). Every default is here (the per-category stays are
 * in {@code application.properties} because a map cannot carry defaults) and documented in the README.
 */
@ConfigMapping(prefix = "qrtrace.checkin")
public interface CheckinConfig {

    @WithName("venue-service")
    VenueService venueService();

    Visits visits();

    Kafka kafka();

    Gate gate();

    Stay stay();

    @WithName("rate-limit")
    RateLimit rateLimit();

    @WithName("exposure-sites")
    ExposureSites exposureSites();

    interface VenueService {
        /** Base URL of venue-service, whose {@code GET /api/v1/qr-keys} lists the QR verification keys. */
        @WithDefault("http://127.0.0.1:8081")
        String url();

        /** How often the QR keys are fetched again in the background. */
        @WithDefault("PT5M")
        Duration keysRefreshInterval();

        /** Shortest time between two fetches triggered by a token signed with an unknown key id. */
        @WithDefault("PT30S")
        Duration unknownKeyRefetchInterval();

        /** Timeout of one key fetch. */
        @WithDefault("PT3S")
        Duration fetchTimeout();
    }

    interface Visits {
        /** The same person at the same venue within this window is one visit. */
        @WithDefault("PT5M")
        Duration duplicateWindow();

        /** How long a response is remembered for its Idempotency-Key (and a check-out for its link). */
        @WithDefault("PT24H")
        Duration idempotencyRetention();

        /** Most remembered responses; the oldest are forgotten first. */
        @WithDefault("200000")
        int idempotencyCacheSize();

        /** Most open visits remembered (for duplicate suppression and gate OUT pairing). */
        @WithDefault("500000")
        int openVisitCacheSize();

        /** Most dependants in one check-in. */
        @WithDefault("10")
        int maxDependants();
    }

    interface Kafka {
        /**
         * How long Kafka has to acknowledge an event (the producer's delivery timeout), and how long a gate batch or a
         * check-out waits for it before answering 503.
         */
        @WithDefault("PT2.5S")
        Duration publishTimeout();

        /**
         * How long a visitor's check-in waits for Kafka's acknowledgement before answering 503 with Retry-After. The
         * event may still be acknowledged later (within publish-timeout): a retry with the same Idempotency-Key is the
         * same check-in, so it stays one visit. Shorter than publish-timeout so that a door never waits long.
         */
        @WithDefault("PT0.8S")
        Duration answerWithin();

        /**
         * While Kafka is not acknowledging (an event went unacknowledged past its wait, or was refused, and none has been
         * acknowledged since), requests are answered 503 at once, except one every this long, which tries Kafka again;
         * the first acknowledgement ends it. A probe may wait up to max.block.ms (1 s) for metadata, so probes must stay
         * under 1 % of the requests for the p99 of an outage's answers: every 2 s is 0.5 % at 100 check-ins/s (every
         * 0.5 s gave p99 1,006 ms, every 2 s 953 ms; docs/reliability.md).
         */
        @WithDefault("PT2S")
        Duration probeEvery();

        /** Retry-After (seconds) sent with a 503 when Kafka cannot take a check-in. */
        @WithDefault("5")
        int retryAfterSeconds();

        /**
         * Producer linger: how long a record waits to share a batch with concurrent ones. Every check-in waits this long
         * before its answer, so it bounds what a client holding a connection can send: with 5 ms (Kafka's default) 64
         * connections carried at most ~10,000 check-ins/s even with no work at all (the benchmark's Kafka floor);
         * 1 ms lets the batches grow with the load instead, for a few µs more broker CPU per check-in (docs/benchmarks.md).
         */
        @WithDefault("PT0.001S")
        Duration linger();

        /**
         * Producer compression (none, gzip, snappy, lz4, zstd). At 2,000 check-ins/s here lz4 and none cost the same
         * within the noise and zstd more (its native context per small batch); lz4 keeps the log smaller than none
         * (docs/benchmarks.md).
         */
        @WithDefault("lz4")
        String compression();
    }

    interface Gate {
        /** Oldest scan time accepted in a gate batch (offline devices upload late). */
        @WithDefault("PT72H")
        Duration maxScanAge();

        /** How far in the future (device clock ahead) a scan time may be; later ones are rejected per scan. */
        @WithDefault("PT5M")
        Duration clockSkew();

        /** Most scans in one batch. */
        @WithDefault("500")
        int maxScansPerBatch();
    }

    interface Stay {
        /** Default stay of a category absent from {@link #byCategory()}. */
        @WithName("default")
        @WithDefault("PT2H")
        Duration defaultStay();

        /** Default stay per venue category (keys: category names as in venue events). */
        @WithName("by-category")
        Map<String, Duration> byCategory();
    }

    /**
     * The public exposure-site feed of tracing-service, which the visitor's browser reads on the my-visits page (this
     * service never reads it: the browser matches its own visits against it, so no server learns who matched).
     */
    interface ExposureSites {
        /**
         * Absolute http(s) URL of the feed ({@code GET}, no query, no token; served with
         * {@code Access-Control-Allow-Origin: *}). Its origin is the only one the my-visits page may connect to.
         */
        @WithDefault("http://127.0.0.1:8083/api/v1/exposure-sites")
        String feedUrl();

        /** Absolute http(s) URL of the public page listing the exposure sites, linked from the my-visits page. */
        @WithDefault("http://127.0.0.1:8083/exposure-sites")
        String pageUrl();
    }

    interface RateLimit {
        /** Check-in requests per minute from one client address (sustained rate). */
        @WithDefault("60")
        int perAddressPerMinute();

        /** Burst allowed from one client address. */
        @WithDefault("30")
        int perAddressBurst();

        /** Check-ins per minute with one QR code (a busy entrance is one code). */
        @WithDefault("600")
        int perTokenPerMinute();

        /** Burst allowed with one QR code. */
        @WithDefault("200")
        int perTokenBurst();

        /**
         * Scans per minute one gate device (one device token, i.e. its JWT subject) may upload, sustained. A busy
         * entrance scans about one person every two seconds; the rest is room to catch up after an outage.
         */
        @WithDefault("1000")
        int perDevicePerMinute();

        /**
         * Scans one gate device may upload at once, e.g. a backlog after being offline (batches of at most
         * {@code qrtrace.checkin.gate.max-scans-per-batch} each).
         */
        @WithDefault("5000")
        int perDeviceBurst();

        /** Most distinct clients/codes/devices tracked at once. */
        @WithDefault("100000")
        int maxTracked();
    }
}
