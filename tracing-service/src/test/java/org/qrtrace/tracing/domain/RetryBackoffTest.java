package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryBackoffTest {

    @Test
    void doublesFromTheFirstWaitUpToTheMaximum() {
        RetryBackoff b = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertEquals(Duration.ofSeconds(30), b.after(1));
        assertEquals(Duration.ofSeconds(60), b.after(2));
        assertEquals(Duration.ofSeconds(240), b.after(4));
        assertEquals(Duration.ofMinutes(16), b.after(6));
        assertEquals(Duration.ofMinutes(30), b.after(7));
        assertEquals(Duration.ofMinutes(30), b.after(1000));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
