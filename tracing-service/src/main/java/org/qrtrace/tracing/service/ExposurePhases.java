package org.qrtrace.tracing.service;

import io.micrometer.core.instrument.MeterRegistry;
import org.qrtrace.tracing.domain.PresenceInterval;
import org.qrtrace.tracing.domain.PresenceLookup;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where an exposure query's time goes, as timers {@code tracing.exposure.phase{phase,depth}} at /q/metrics
 * (docs/benchmarks.md reads them). Each {@link #done} closes the phase that began at the previous one.
 */
final class ExposurePhases {

    private final MeterRegistry registry;
    private final String depth;
    private long last = System.nanoTime();

    ExposurePhases(MeterRegistry registry, int depth) {
        this.registry = registry;
        this.depth = String.valueOf(depth);
    }

    void done(String phase) {
        done(phase, 0);
    }

    /** A phase of which {@code sqlNanos} were spent waiting for PostgreSQL (recorded as phase "PHASE-sql"). */
    void done(String phase, long sqlNanos) {
        long now = System.nanoTime();
        if (sqlNanos > 0) {
            record(phase + "-sql", sqlNanos);
        }
        record(phase, now - last - sqlNanos);
        last = now;
    }

    private void record(String phase, long nanos) {
        registry.timer("tracing.exposure.phase", "phase", phase, "depth", depth).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The presence store, adding up the time its reads take (the "-sql" part of the trace phase). */
    static final class TimedLookup implements PresenceLookup {
        private final PresenceLookup store;
        private long nanos;

        TimedLookup(PresenceLookup store) {
            this.store = store;
        }

        long nanos() {
            return nanos;
        }

        private <T> T timed(Supplier<T> read) {
            long start = System.nanoTime();
            try {
                return read.get();
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public List<PresenceInterval> visitsOf(String pseudonym, Instant from, Instant to) {
            return timed(() -> store.visitsOf(pseudonym, from, to));
        }

        @Override
        public List<PresenceInterval> visitsIntersecting(Collection<PresenceInterval.Window> windows) {
            return timed(() -> store.visitsIntersecting(windows));
        }

        @Override
        public List<PresenceInterval> visitsStartingBetween(Map<String, Instant> startFromByPseudonym, Instant to) {
            return timed(() -> store.visitsStartingBetween(startFromByPseudonym, to));
        }
    }
}
