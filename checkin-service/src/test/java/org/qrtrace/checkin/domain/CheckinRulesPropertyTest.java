package org.qrtrace.checkin.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the token-version and rate-limit rules, over generated histories. */
class CheckinRulesPropertyTest {

    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Provide
    Arbitrary<List<TokenLine.Rotation>> rotations() {
        return Combinators.combine(Arbitraries.integers().between(2, 20), Arbitraries.longs().between(-86_400, 86_400))
                .as((version, offset) -> new TokenLine.Rotation(version, T0.plusSeconds(offset))).list().ofMaxSize(6);
    }

    static TokenLine line(List<TokenLine.Rotation> rotations) {
        TokenLine line = TokenLine.issued(1);
        for (TokenLine.Rotation r : rotations) {
            line = line.rotated(r.newVersion(), r.previousValidUntil());
        }
        return line;
    }

    @Property
    void theCurrentVersionAndNewerOnesAreAlwaysValid(@ForAll("rotations") List<TokenLine.Rotation> rotations,
                                                      @ForAll @IntRange(min = 0, max = 5) int ahead,
                                                      @ForAll @LongRange(min = -200_000, max = 200_000) long at) {
        TokenLine line = line(rotations);
        assertTrue(line.isCurrentAt(line.currentVersion() + ahead, T0.plusSeconds(at)));
    }

    @Property
    void onceSupersededAVersionNeverComesBack(@ForAll("rotations") List<TokenLine.Rotation> rotations,
                                              @ForAll @IntRange(min = 1, max = 20) int version,
                                              @ForAll @LongRange(min = -200_000, max = 200_000) long at,
                                              @ForAll @LongRange(min = 0, max = 200_000) long later) {
        TokenLine line = line(rotations);
        if (!line.isCurrentAt(version, T0.plusSeconds(at))) {
            assertTrue(!line.isCurrentAt(version, T0.plusSeconds(at + later)));
        }
    }

    @Property
    void aBucketNeverGrantsMoreThanItsBurstPlusItsRate(@ForAll @IntRange(min = 1, max = 50) int burst,
                                                       @ForAll @IntRange(min = 1, max = 600) int perMinute,
                                                       @ForAll @Size(max = 300) List<@LongRange(min = 0, max = 2_000_000_000L) Long> gaps) {
        TokenBucket bucket = new TokenBucket(burst, perMinute, 0);
        long now = 0;
        int granted = 0;
        for (long gap : gaps) {
            now += gap;
            if (bucket.tryTake(now) == 0) {
                granted++;
            }
        }
        double allowed = burst + perMinute * (now / 60e9);
        assertTrue(granted <= Math.floor(allowed + 1e-9), granted + " granted, at most " + allowed);
    }
}
