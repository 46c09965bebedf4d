package org.qrtrace.tracing.repository;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.qrtrace.tracing.domain.PresenceInterval.Window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The windows a depth-2 query probes the index with, merged per venue: nothing requested is lost, nothing overlaps. */
class MergedWindowsPropertyTest {

    static final List<UUID> VENUES = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @Property(tries = 300)
    void mergingCoversEveryRequestedWindowAndLeavesNoOverlaps(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 10_000) Integer> seeds) {
        List<Window> requested = new ArrayList<>();
        for (int seed : seeds) {
            int start = (seed * 7919) % 2000;
            requested.add(new Window(VENUES.get(seed % 3), T0.plusSeconds(60L * start), T0.plusSeconds(60L * (start + 1 + seed % 240))));
        }
        List<Window> merged = PresenceRepository.merged(requested);
        assertTrue(merged.size() <= requested.size());
        for (Window r : requested) {
            assertTrue(merged.stream().anyMatch(m -> m.venueId().equals(r.venueId()) && !m.start().isAfter(r.start())
                    && !m.end().isBefore(r.end())), "requested window covered: " + r);
        }
        for (Window m : merged) {
            assertTrue(requested.stream().anyMatch(r -> r.venueId().equals(m.venueId()) && r.start().equals(m.start())),
                    "a merged window starts where a requested one does");
            for (Window n : merged) {
                if (m != n && m.venueId().equals(n.venueId())) {
                    assertFalse(!m.start().isAfter(n.end()) && !n.start().isAfter(m.end()), "no two of a venue touch");
                }
            }
        }
    }
}
