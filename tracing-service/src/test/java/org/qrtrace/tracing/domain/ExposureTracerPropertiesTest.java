package org.qrtrace.tracing.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The production tracer agrees with the plain nested-loop reference on random visit sets. */
class ExposureTracerPropertiesTest {

    private static final Instant BASE = Instant.parse("2026-11-20T00:00:00Z");
    private static final List<UUID> VENUES = List.of(
            UUID.fromString("00000000-0000-4000-8000-00000000000a"),
            UUID.fromString("00000000-0000-4000-8000-00000000000b"),
            UUID.fromString("00000000-0000-4000-8000-00000000000c"));
    private static final String INDEX = "p0";

    @Provide
    Arbitrary<PresenceInterval> visit() {
        Arbitrary<String> person = Arbitraries.integers().between(0, 4).map(i -> "p" + i);
        Arbitrary<UUID> venue = Arbitraries.of(VENUES);
        Arbitrary<Integer> startMinute = Arbitraries.integers().between(0, 72).map(i -> i * 5);
        Arbitrary<Integer> lengthMinutes = Arbitraries.integers().between(1, 36).map(i -> i * 5);
        return Combinators.combine(person, venue, startMinute, lengthMinutes).as((p, v, s, l) ->
                new PresenceInterval(UUID.randomUUID(), p, v, BASE.plus(Duration.ofMinutes(s)),
                        BASE.plus(Duration.ofMinutes(s + l)), null));
    }

    @Property(tries = 1000)
    void tracerAgreesWithReference(@ForAll("visitSets") List<PresenceInterval> visits,
                                   @ForAll @IntRange(min = 0, max = 300) int fromMinute,
                                   @ForAll @IntRange(min = 5, max = 600) int windowMinutes,
                                   @ForAll("buffers") int bufferMinutes,
                                   @ForAll("minOverlaps") int minOverlapMinutes,
                                   @ForAll @IntRange(min = 1, max = 2) int depth) {
        Instant from = BASE.plus(Duration.ofMinutes(fromMinute));
        Instant to = from.plus(Duration.ofMinutes(windowMinutes));
        Duration buffer = Duration.ofMinutes(bufferMinutes);
        Duration minOverlap = Duration.ofMinutes(minOverlapMinutes);

        ExposureResult actual = new ExposureTracer(new InMemoryPresence(visits))
                .trace(INDEX, new ExposureParameters(from, to, buffer, minOverlap, depth));

        assertEquals(ReferenceExposure.contacts(visits, INDEX, from, to, buffer, minOverlap, depth),
                ReferenceExposure.of(actual));
        assertEquals(visits.stream().filter(v -> v.pseudonym().equals(INDEX) && v.intersects(from, to)).count(),
                actual.indexVisits().size());
        Statistics.collect(actual.contacts().stream().anyMatch(c -> c.tier() == Tier.F2) ? "F2 found"
                : actual.contacts().isEmpty() ? "no contact" : "F1 only");
        // The comparison means something only if many generated sets really have contacts in both tiers.
        Statistics.coverage(check -> {
            check.check("F1 only").percentage(p -> p >= 20);
            check.check("F2 found").percentage(p -> p >= 4);
        });
    }

    @Property(tries = 200)
    void jurisdictionFilterKeepsOnlyVisibleVenuesAndCountsTheRest(
            @ForAll("visitSets") List<PresenceInterval> visits,
            @ForAll @IntRange(min = 1, max = 2) int depth) {
        ExposureResult all = new ExposureTracer(new InMemoryPresence(visits))
                .trace(INDEX, new ExposureParameters(BASE, BASE.plus(Duration.ofHours(12)), Duration.ofMinutes(30),
                        Duration.ofMinutes(15), depth));
        UUID hidden = VENUES.get(2);
        ExposureResult visible = all.visibleAt(v -> !v.equals(hidden));

        long contactsOnlyAtHidden = all.contacts().stream()
                .filter(c -> c.overlaps().stream().allMatch(o -> o.venueId().equals(hidden))).count();
        assertEquals(contactsOnlyAtHidden, visible.contactsOmitted());
        assertEquals(all.contacts().size() - contactsOnlyAtHidden, visible.contacts().size());
        assertEquals(0, visible.contacts().stream().flatMap(c -> c.overlaps().stream())
                .filter(o -> o.venueId().equals(hidden)).count());
        assertEquals(all.indexVisits().stream().filter(v -> v.venueId().equals(hidden)).count(), visible.indexVisitsOmitted());
    }

    @Provide
    Arbitrary<List<PresenceInterval>> visitSets() {
        return visit().list().ofMinSize(6).ofMaxSize(30);
    }

    @Provide
    Arbitrary<Integer> buffers() {
        return Arbitraries.of(0, 5, 15, 30, 60);
    }

    @Provide
    Arbitrary<Integer> minOverlaps() {
        return Arbitraries.of(0, 1, 5, 15, 30);
    }
}
