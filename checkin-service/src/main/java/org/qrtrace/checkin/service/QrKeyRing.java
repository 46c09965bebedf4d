package org.qrtrace.checkin.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.messaging.QrKeyClient;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The QR verification keys, cached: fetched at start and every refresh interval, and again (at most once per
 * re-fetch interval) when a code names a key id we do not know, e.g. right after venue-service created a key. A failed
 * fetch keeps the keys we had.
 */
@ApplicationScoped
public class QrKeyRing {

    private static final Logger LOG = Logger.getLogger(QrKeyRing.class);

    private final QrKeyClient client;
    private final CheckinConfig.VenueService config;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile Instant lastSuccess;
    private volatile Instant lastAttempt = Instant.EPOCH;

    @Inject
    public QrKeyRing(QrKeyClient client, CheckinConfig config, Clock clock) {
        this.client = client;
        this.config = config.venueService();
        this.clock = clock;
    }

    /** True once keys were fetched at least once (readiness). */
    public boolean loaded() {
        return lastSuccess != null;
    }

    public int size() {
        return keys.size();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** True when the key for a key id is at hand: {@link #lookup} then answers without fetching. */
    public boolean has(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The key for a key id, re-fetching (rate-limited, blocking) when it is unknown; null when still unknown. */
    public PublicKey lookup(String keyId) {
        PublicKey key = keys.get(keyId);
        if (key != null) {
            return key;
        }
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            // Never fetch on an event loop: callers route codes with unknown key ids to a worker
            // (TokenVerifier.needsKeyFetch); one that slipped through is judged with the keys at hand.
            LOG.warnf("QR key %s is unknown and this thread may not fetch; judged with the %d known keys", keyId, keys.size());
            return null;
        }
        Instant now = clock.instant();
        if (Duration.between(lastAttempt, now).compareTo(config.unknownKeyRefetchInterval()) >= 0) {
            refresh();
        }
        return keys.get(keyId);
    }

    /** The first fetch at start-up, off the start-up thread (readiness waits for it). */
    void onStart(@Observes StartupEvent event) {
        Thread first = new Thread(this::refresh, "qr-keys-first-fetch");
        first.setDaemon(true);
        first.start();
    }

    /** Every few seconds: fetch when never loaded or when the refresh interval has passed. */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant success = lastSuccess;
        if (success == null || Duration.between(success, clock.instant()).compareTo(config.keysRefreshInterval()) >= 0) {
            refresh();
        }
    }

    /** Fetches now; concurrent callers wait for one fetch rather than each fetching. */
    public synchronized void refresh() {
        Instant started = clock.instant();
        if (Duration.between(lastAttempt, started).toMillis() < 200) {
            return; // another thread just fetched while this one waited for the lock
        }
        lastAttempt = started;
        try {
            Map<String, PublicKey> fetched = client.fetch();
            keys = Map.copyOf(fetched);
            lastSuccess = clock.instant();
            LOG.debugf("QR keys refreshed: %d keys", fetched.size());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot fetch QR keys from %s (keeping %d known keys): %s", client.keysUri(), keys.size(), e);
        }
    }
}
