package org.qrtrace.tracing.repository;

import org.junit.jupiter.api.Test;
import org.qrtrace.tracing.domain.PresenceInterval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookups split into concurrent parts read every item exactly once, and a failing part fails the lookup. */
class InPartsTest {

    static PresenceInterval visit(int i) {
        Instant t = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(i);
        return new PresenceInterval(new UUID(0, i), "p" + i, new UUID(1, 1), t, t.plusSeconds(60), null);
    }

    @Test
    void everyItemIsReadOnceWhateverTheSplit() {
        for (int n : new int[] {1, 3, 39, 40, 41, 399, 400, 401, 1001}) {
            List<Integer> items = IntStream.range(0, n).boxed().toList();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            List<PresenceInterval> out = PresenceRepository.inParts(items, 40, part -> {
                threads.add(Thread.currentThread().getName());
                seen.addAll(part);
                return part.stream().map(InPartsTest::visit).toList();
            });
            assertEquals(items, seen.stream().sorted().toList(), "n=" + n);
            assertEquals(items.stream().map(InPartsTest::visit).toList(), out, "answers in item order, n=" + n);
            assertTrue(n < 40 ? threads.size() == 1 : threads.size() > 1, "split only from the threshold, n=" + n);
        }
    }

    @Test
    void aFailingPartFailsTheLookup() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PresenceRepository.inParts(items, 10, part -> {
            if (part.contains(99)) {
                throw new IllegalStateException("presence read failed");
            }
            return List.of();
        }));
        assertEquals("presence read failed", e.getMessage());
    }
}
