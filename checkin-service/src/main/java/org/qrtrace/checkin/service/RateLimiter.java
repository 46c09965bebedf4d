package org.qrtrace.checkin.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.GateDeviceTooFast;
import org.qrtrace.checkin.domain.TokenBucket;
import org.qrtrace.checkin.domain.TooManyCheckins;

import java.time.Duration;

/**
 * Limits anonymous check-ins per client address and per QR code, and gate uploads per device, with token buckets in
 * memory (per instance). A bucket left alone long enough to be full again is forgotten.
 */
@ApplicationScoped
public class RateLimiter {

    private final CheckinConfig.RateLimit config;
    private final Limit byAddress;
    private final Limit byToken;
    private final Limit byDevice;

    @Inject
    public RateLimiter(CheckinConfig config, MeterRegistry registry) {
        this.config = config.rateLimit();
        int tracked = this.config.maxTracked();
        this.byAddress = new Limit("address", this.config.perAddressBurst(), this.config.perAddressPerMinute(), tracked, registry);
        this.byToken = new Limit("token", this.config.perTokenBurst(), this.config.perTokenPerMinute(), tracked, registry);
        this.byDevice = new Limit("device", this.config.perDeviceBurst(), this.config.perDevicePerMinute(), tracked, registry);
    }

    /** One kind of limit: a token bucket per key, counted as {@code checkin.rate_limited{by}} when it refuses. */
    private static final class Limit {
        private final String by;
        private final int burst;
        private final int perMinute;
        private final Cache<String, TokenBucket> buckets;
        private final MeterRegistry registry;

        Limit(String by, int burst, int perMinute, int maxTracked, MeterRegistry registry) {
            this.by = by;
            this.burst = burst;
            this.perMinute = perMinute;
            long refillSeconds = (long) Math.ceil(burst * 60.0 / perMinute);
            this.buckets = Caffeine.newBuilder().executor(Runnable::run).maximumSize(maxTracked)
                    .expireAfterAccess(Duration.ofSeconds(Math.max(60, refillSeconds))).build();
            this.registry = registry;
        }

        /** Takes {@code count} tokens of the key's bucket: 0 when allowed, else the seconds to wait. */
        int take(String key, int count, long now) {
            int wait = buckets.get(key, k -> new TokenBucket(burst, perMinute, now)).tryTake(now, count);
            if (wait > 0) {
                registry.counter("checkin.rate_limited", "by", by).increment();
            }
            return wait;
        }
    }

    /** @throws TooManyCheckins when the address or the code is over its limit */
    public void admit(String clientAddress, String token) {
        long now = System.nanoTime();
        int wait = byAddress.take(String.valueOf(clientAddress), 1, now);
        if (wait > 0) {
            throw TooManyCheckins.fromNetwork(Duration.ofSeconds(wait));
        }
        if (token != null && (wait = byToken.take(token, 1, now)) > 0) {
            throw TooManyCheckins.withCode(Duration.ofSeconds(wait));
        }
    }

    /**
     * Charges a gate device for a batch: one token per scan, all or nothing, before anything of the batch is recorded.
     *
     * @param device the device's identity: the subject of its token (not the self-declared device id in the body)
     * @throws GateDeviceTooFast when the device is over its scan rate
     */
    public void admitGateScans(String device, int scans) {
        if (scans < 1) {
            return;
        }
        int wait = byDevice.take(device, scans, System.nanoTime());
        if (wait > 0) {
            throw new GateDeviceTooFast(config.perDevicePerMinute(), Duration.ofSeconds(wait));
        }
    }
}
