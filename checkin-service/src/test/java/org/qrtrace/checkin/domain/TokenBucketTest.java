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
}
