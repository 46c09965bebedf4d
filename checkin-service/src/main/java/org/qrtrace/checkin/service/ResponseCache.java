package org.qrtrace.checkin.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Remembers the result of each idempotent request (bounded, oldest forgotten first), so a retry gets the same answer
 * and never a second event. A retry arriving while the first attempt is still waiting for Kafka waits for the same
 * result. A failed attempt is forgotten, so its retry tries again (with the same deterministic ids).
 *
 * <p>Up to {@code idempotency-cache-size} (200,000) entries per cache are held at once, so a key and a fingerprint are
 * small records of the request's parts (sharing the venue's UUID and the person's {@code Visit.Key} with the open
 * visit), not strings concatenated from them, and a result refers to what is kept anyway (the visit) rather than
 * copying it. docs/benchmarks.md, "Garbage collection".
 *
 * @param <K> the request's key, e.g. a {@link VenueKey}
 * @param <T> the result
 */
final class ResponseCache<K, T> {

    /** A client's Idempotency-Key, which is unique only within its venue. */
    record VenueKey(UUID venueId, String key) {

        /** "venueId/key": what the request's deterministic ids derive from ({@code EventEnvelope.deterministicId}). */
        String scoped() {
            return venueId + "/" + key;
        }
    }

    /**
     * The result of a request, pending or settled, with what the request was ({@code fingerprint}, compared with
     * {@code equals}): a retry with the same key and an equal fingerprint is the same request, with another fingerprint
     * a conflict. The future itself rather than a record holding one: one object less per remembered request.
     */
    private static final class Entry<T> extends CompletableFuture<T> {

        final Object fingerprint;

        Entry(Object fingerprint) {
            this.fingerprint = fingerprint;
        }
    }

    /** Who answers a request: its owner (first attempt), a replay of an earlier attempt, or a conflict. */
    sealed interface Claim<T> permits Owner, Replay, Conflict {
    }

    record Owner<T>(ResponseCache<?, T> cache, Object key, Entry<T> entry) implements Claim<T> {
        /**
         * Completes the owner's attempt with the outcome of {@code work}, forgetting it when it failed. A failure while
         * starting the work also completes the attempt, so that no retry ever waits for an attempt that never ends.
         */
        CompletionStage<T> complete(java.util.function.Supplier<CompletionStage<T>> start) {
            CompletionStage<T> work;
            try {
                work = start.get();
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            return complete(work);
        }

        /** Completes the owner's attempt with the outcome of {@code work}, forgetting it when it failed. */
        CompletionStage<T> complete(CompletionStage<T> work) {
            work.whenComplete((value, error) -> {
                if (error != null) {
                    cache.entries.asMap().remove(key, entry);
                    entry.completeExceptionally(error);
                } else {
                    entry.complete(value);
                }
            });
            return entry;
        }
    }

    record Replay<T>(CompletionStage<T> result) implements Claim<T> {
    }

    /** The key was used before for a different request. */
    record Conflict<T>() implements Claim<T> {
    }

    private final Cache<K, Entry<T>> entries;

    ResponseCache(int maxSize, Duration retention) {
        // Maintenance on the calling thread: handing it to the common pool woke a thread for many writes (~5 % of this
        // service's CPU at 3,000 check-ins/s, docs/benchmarks.md).
        this.entries = Caffeine.newBuilder().executor(Runnable::run).maximumSize(maxSize).expireAfterWrite(retention).build();
    }

    Claim<T> claim(K key, Object fingerprint) {
        Entry<T> mine = new Entry<>(fingerprint);
        Entry<T> existing = entries.asMap().putIfAbsent(key, mine);
        if (existing == null) {
            return new Owner<>(this, key, mine);
        }
        if (!existing.fingerprint.equals(fingerprint)) {
            return new Conflict<>();
        }
        return new Replay<>(existing);
    }
}
