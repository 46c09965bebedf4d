package org.qrtrace.checkin.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenTheSustainedRateWithTheWaitToAnnounce() {
        TokenBucket bucket = new TokenBucket(3, 60, 0);
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(0, bucket.tryTake(0));
        assertEquals(1, bucket.tryTake(0), "one per second refills: wait 1 s");
        assertEquals(0, bucket.tryTake(SECOND));
        assertTrue(bucket.tryTake(SECOND) > 0);
        assertEquals(0, bucket.tryTake(100 * SECOND));
        assertEquals(0, bucket.tryTake(100 * SECOND));
        assertEquals(0, bucket.tryTake(100 * SECOND));
        assertTrue(bucket.tryTake(100 * SECOND) > 0, "never more than the burst");
    }

    @Test
    void aBatchTakesAllItsTokensOrNone() {
        TokenBucket bucket = new TokenBucket(100, 60, 0);
        assertEquals(0, bucket.tryTake(0, 70));
        assertEquals(10, bucket.tryTake(0, 40), "30 left, 10 more take 10 s at one per second");
        assertEquals(0, bucket.tryTake(0, 30), "the refused batch took nothing");
        assertEquals(0, bucket.tryTake(20 * SECOND, 20));
        assertEquals(100, bucket.tryTake(20 * SECOND, 500), "above the capacity: waits for a full bucket, not for ever");
        assertEquals(0, bucket.tryTake(120 * SECOND, 500));
        assertTrue(bucket.tryTake(120 * SECOND, 1) > 0, "and then it is empty");
    }
}
