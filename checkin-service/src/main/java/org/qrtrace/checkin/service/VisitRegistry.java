package org.qrtrace.checkin.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.Visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The visits this instance checked in that have not ended yet, one per (venue, person), in memory and bounded. A visit
 * is forgotten when it ends by itself ({@code autoCheckoutAt}, but never sooner than the duplicate window) or by a
 * check-out. Single-instance state: see the README on running several instances.
 */
@ApplicationScoped
public class VisitRegistry {

    private final Cache<Visit.Key, Visit> open;
    private final Duration window;

    @Inject
    public VisitRegistry(CheckinConfig config, Clock clock, io.micrometer.core.instrument.MeterRegistry registry) {
        this.window = config.visits().duplicateWindow();
        // Maintenance on the calling thread: handing it to the common pool woke a thread for many writes (~5 % of this
        // service's CPU at 3,000 check-ins/s, docs/benchmarks.md).
        this.open = Caffeine.newBuilder().executor(Runnable::run)
                .maximumSize(config.visits().openVisitCacheSize())
                .expireAfter(new Expiry<Visit.Key, Visit>() {
                    @Override
                    public long expireAfterCreate(Visit.Key key, Visit visit, long currentTime) {
                        Duration untilEnd = Duration.between(clock.instant(), visit.autoCheckoutAt());
                        return (untilEnd.compareTo(window) > 0 ? untilEnd : window).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Visit.Key key, Visit visit, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, visit, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Visit.Key key, Visit visit, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
        registry.gauge("checkin.open_visits", open, Cache::estimatedSize);
    }

    /**
     * The visit a scan at {@code candidate.checkedInAt()} belongs to: the person's open visit at the venue when it lies
     * within the duplicate window, otherwise {@code candidate}, which is registered (the caller then publishes it and
     * must {@link #forget} it if Kafka refuses).
     */
    public Visit openOrJoin(Visit candidate) {
        AtomicReference<Visit> result = new AtomicReference<>();
        open.asMap().compute(candidate.key(), (key, existing) -> {
            if (existing != null && !existing.acknowledged().isCompletedExceptionally()
                    && existing.absorbs(candidate.checkedInAt(), window)) {
                result.set(existing);
                return existing;
            }
            result.set(candidate);
            return candidate;
        });
        return result.get();
    }

    /** The person's open visit at the venue that had begun by {@code at} (for a gate OUT scan). */
    public Optional<Visit> openAt(Visit.Key person, Instant at) {
        Visit v = open.getIfPresent(person);
        return v != null && !v.checkedInAt().isAfter(at) ? Optional.of(v) : Optional.empty();
    }

    /** Ends the visit with this check-in id (checked out); a newer visit of the person is left alone. */
    public boolean close(Visit.Key person, UUID checkinId) {
        Visit v = open.getIfPresent(person);
        return v != null && v.hasCheckinId(checkinId) && open.asMap().remove(person, v);
    }

    /** Puts back a visit whose check-out Kafka did not take. */
    public void reopen(Visit visit) {
        open.asMap().putIfAbsent(visit.key(), visit);
    }

    /** Forgets a visit whose check-in Kafka did not acknowledge. */
    public void forget(Visit visit) {
        open.asMap().remove(visit.key(), visit);
    }

    public long size() {
        return open.estimatedSize();
    }
}
