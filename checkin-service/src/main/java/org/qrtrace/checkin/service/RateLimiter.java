package org.qrtrace.checkin.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.TokenBucket;
import org.qrtrace.common.problem.ProblemException;

import java.time.Duration;

/**
 * Limits anonymous check-ins per client address and per QR code, and gate uploads per device, with token buckets in
 * memory (per instance). A bucket left alone long enough to be full again is forgotten.
 */
@ApplicationScoped
public class RateLimiter {

    private final CheckinConfig.RateLimit config;
    private final Cache<String, TokenBucket> byAddress;
    private final Cache<String, TokenBucket> byToken;
    private final Cache<String, TokenBucket> byDevice;
    private final MeterRegistry registry;

    @Inject
    public RateLimiter(CheckinConfig config, MeterRegistry registry) {
        this.config = config.rateLimit();
        this.registry = registry;
        this.byAddress = buckets(this.config.perAddressBurst(), this.config.perAddressPerMinute());
        this.byToken = buckets(this.config.perTokenBurst(), this.config.perTokenPerMinute());
        this.byDevice = buckets(this.config.perDeviceBurst(), this.config.perDevicePerMinute());
    }

    private Cache<String, TokenBucket> buckets(int burst, int perMinute) {
        long refillSeconds = (long) Math.ceil(burst * 60.0 / perMinute);
        return Caffeine.newBuilder().maximumSize(config.maxTracked())
                .expireAfterAccess(Duration.ofSeconds(Math.max(60, refillSeconds))).build();
    }

    /** @throws ProblemException 429 with Retry-After when the address or the code is over its limit */
    public void admit(String clientAddress, String token) {
        long now = System.nanoTime();
        int wait = byAddress.get(String.valueOf(clientAddress),
                k -> new TokenBucket(config.perAddressBurst(), config.perAddressPerMinute(), now)).tryTake(now);
        if (wait > 0) {
            registry.counter("checkin.rate_limited", "by", "address").increment();
            throw ProblemException.tooManyRequests("too many check-ins from this network; try again in " + wait + " s", wait);
        }
        if (token != null) {
            wait = byToken.get(token, k -> new TokenBucket(config.perTokenBurst(), config.perTokenPerMinute(), now))
                    .tryTake(now);
            if (wait > 0) {
                registry.counter("checkin.rate_limited", "by", "token").increment();
                throw ProblemException.tooManyRequests("too many check-ins with this code; try again in " + wait + " s", wait);
            }
        }
    }

    /**
     * Charges a gate device for a batch: one token per scan, all or nothing, before anything of the batch is recorded.
     *
     * @param device the device's identity: the subject of its token (not the self-declared device id in the body)
     * @throws ProblemException 429 with Retry-After when the device is over its scan rate
     */
    public void admitGateScans(String device, int scans) {
        if (scans < 1) {
            return;
        }
        long now = System.nanoTime();
        int wait = byDevice.get(device, k -> new TokenBucket(config.perDeviceBurst(), config.perDevicePerMinute(), now))
                .tryTake(now, scans);
        if (wait > 0) {
            registry.counter("checkin.rate_limited", "by", "device").increment();
            throw ProblemException.tooManyRequests("this gate device is uploading scans faster than "
                    + config.perDevicePerMinute() + " per minute; nothing of this batch was recorded; send it again in "
                    + wait + " s", wait);
        }
    }
}
