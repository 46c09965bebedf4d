package org.qrtrace.checkin.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fingerprints are records compared by value; a retry waits for the first attempt; a failure is forgotten. */
class ResponseCacheTest {

    record Fingerprint(String person, UUID entrance) {
    }

    final ResponseCache<ResponseCache.VenueKey, String> cache = new ResponseCache<>(100, Duration.ofHours(1));
    final UUID venue = UUID.randomUUID();
    final UUID entrance = UUID.randomUUID();

    ResponseCache.VenueKey key(String key) {
        // a new instance each time, as each request makes its own
        return new ResponseCache.VenueKey(new UUID(venue.getMostSignificantBits(), venue.getLeastSignificantBits()), key);
    }

    @Test
    void aRetryWithAnEqualFingerprintWaitsForTheFirstAttemptsResult() {
        var first = (ResponseCache.Owner<String>) cache.claim(key("k"), new Fingerprint("p", entrance));
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletionStage<String> answered = first.complete(work);
        var retry = assertInstanceOf(ResponseCache.Replay.class, cache.claim(key("k"), new Fingerprint("p", entrance)));
        assertFalse(retry.result().toCompletableFuture().isDone(), "waits while the first attempt waits");
        work.complete("answer");
        assertEquals("answer", answered.toCompletableFuture().join());
        assertEquals("answer", retry.result().toCompletableFuture().join());
    }

    @Test
    void theSameKeyForAnotherRequestIsAConflictButAtAnotherVenueItIsAnotherRequest() {
        ((ResponseCache.Owner<String>) cache.claim(key("k"), new Fingerprint("p", entrance)))
                .complete(CompletableFuture.completedFuture("answer"));
        assertInstanceOf(ResponseCache.Conflict.class, cache.claim(key("k"), new Fingerprint("q", entrance)));
        assertInstanceOf(ResponseCache.Conflict.class, cache.claim(key("k"), new Fingerprint("p", UUID.randomUUID())));
        assertInstanceOf(ResponseCache.Owner.class,
                cache.claim(new ResponseCache.VenueKey(UUID.randomUUID(), "k"), new Fingerprint("q", entrance)));
        assertEquals(venue + "/k", key("k").scoped());
    }

    @Test
    void aFailedAttemptIsForgottenSoItsRetryTriesAgain() {
        var first = (ResponseCache.Owner<String>) cache.claim(key("k"), new Fingerprint("p", entrance));
        CompletionStage<String> answered = first.complete(CompletableFuture.failedFuture(new IllegalStateException("Kafka")));
        assertTrue(answered.toCompletableFuture().isCompletedExceptionally());
        assertInstanceOf(ResponseCache.Owner.class, cache.claim(key("k"), new Fingerprint("p", entrance)));
        // a failure while starting the work too
        var again = (ResponseCache.Owner<String>) cache.claim(key("k2"), "f");
        assertTrue(again.complete(() -> {
            throw new IllegalStateException("cannot start");
        }).toCompletableFuture().isCompletedExceptionally());
        assertInstanceOf(ResponseCache.Owner.class, cache.claim(key("k2"), "f"));
    }
}
