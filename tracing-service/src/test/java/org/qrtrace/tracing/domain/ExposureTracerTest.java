package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Edge cases of the exposure rules, each stated with its expected answer. */
class ExposureTracerTest {

    private static final UUID CAFE = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    private static final UUID MARKET = UUID.fromString("00000000-0000-4000-8000-0000000000c2");
    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

    private final List<PresenceInterval> visits = new ArrayList<>();

    private PresenceInterval visit(String who, UUID venue, String from, String to) {
        PresenceInterval v = new PresenceInterval(UUID.randomUUID(), who, venue, at(from), at(to), "sealed-" + who);
        visits.add(v);
        return v;
    }

    private static Instant at(String hhmm) {
        return DAY.plus(Duration.ofHours(Integer.parseInt(hhmm.substring(0, 2)))).plus(Duration.ofMinutes(Integer.parseInt(hhmm.substring(3))));
    }

    private ExposureResult trace(int buffer, int minOverlap, int depth) {
        return new ExposureTracer(new InMemoryPresence(visits)).trace("index",
                new ExposureParameters(DAY, DAY.plus(Duration.ofDays(1)), Duration.ofMinutes(buffer), Duration.ofMinutes(minOverlap), depth));
    }

    private static List<String> who(ExposureResult r) {
        return r.contacts().stream().map(c -> c.tier() + ":" + c.pseudonym()).toList();
    }

    @Test
    void touchingIntervalsDoNotOverlapWithoutBuffer() {
        visit("index", CAFE, "10:00", "11:00");
        visit("a", CAFE, "11:00", "12:00");
        assertEquals(List.of(), who(trace(0, 0, 1)));
    }

    @Test
    void bufferExtendsTheIndexVisitAfterCheckout() {
        visit("index", CAFE, "10:00", "11:00");
        visit("a", CAFE, "11:00", "12:00");
        ExposureResult r = trace(30, 15, 1);
        assertEquals(List.of("F1:a"), who(r));
        Overlap o = r.contacts().get(0).overlaps().get(0);
        assertEquals(at("11:00"), o.start());
        assertEquals(at("11:30"), o.end());
        assertEquals(30, o.minutes());
    }

    @Test
    void exactlyTheMinimumOverlapCountsOneMinuteLessDoesNot() {
        visit("index", CAFE, "10:00", "11:00");
        visit("exact", CAFE, "10:45", "12:00");
        visit("short", CAFE, "10:46", "12:00");
        assertEquals(List.of("F1:exact"), who(trace(0, 15, 1)));
    }

    @Test
    void arrivalAfterTheBufferIsNoContact() {
        visit("index", CAFE, "10:00", "11:00");
        visit("late", CAFE, "11:30", "12:00");
        visit("in-buffer", CAFE, "11:10", "12:00");
        assertEquals(List.of("F1:in-buffer"), who(trace(30, 15, 1)));
    }

    @Test
    void otherVenuesAndIndexVisitsOutsideTheWindowAreIgnored() {
        visit("index", CAFE, "10:00", "11:00");
        visit("elsewhere", MARKET, "10:00", "11:00");
        ExposureResult r = new ExposureTracer(new InMemoryPresence(visits)).trace("index",
                new ExposureParameters(at("11:00"), at("23:00"), Duration.ZERO, Duration.ZERO, 1));
        assertTrue(r.indexVisits().isEmpty(), "the visit ends exactly at from: [10:00, 11:00) does not intersect [11:00, 23:00)");
        assertEquals(List.of(), who(r));
        assertEquals(List.of(), who(trace(30, 15, 1)));
    }

    @Test
    void exposureStartIsTheEarliestOverlapAndContactsAreListedOnceWithAllOverlaps() {
        visit("index", CAFE, "10:00", "11:00");
        visit("index", MARKET, "14:00", "15:00");
        visit("a", MARKET, "14:00", "15:00");
        visit("a", CAFE, "10:30", "11:00");
        ExposureResult r = trace(0, 15, 1);
        assertEquals(List.of("F1:a"), who(r));
        Contact a = r.contacts().get(0);
        assertEquals(2, a.overlaps().size());
        assertEquals(at("10:30"), a.firstOverlapStart());
    }

    @Test
    void f2MustOverlapAnF1VisitStartingAtOrAfterTheF1ExposureStart() {
        visit("index", CAFE, "10:00", "11:00");
        visit("f1", CAFE, "10:30", "11:30");        // exposureStart 10:30
        visit("f1", MARKET, "08:00", "09:00");      // before the exposure: does not spread
        visit("early", MARKET, "08:00", "09:00");
        visit("f1", MARKET, "12:00", "13:00");      // after: spreads
        visit("f2", MARKET, "12:30", "14:00");
        ExposureResult r = trace(0, 15, 2);
        assertEquals(List.of("F1:f1", "F2:f2"), who(r));
    }

    @Test
    void f1IsNotRepeatedAsF2AndTheIndexIsNeverAContact() {
        visit("index", CAFE, "10:00", "11:00");
        visit("a", CAFE, "10:00", "12:00");
        visit("b", CAFE, "10:30", "12:00");
        visit("index", MARKET, "13:00", "14:00");
        visit("a", MARKET, "13:00", "14:00");
        ExposureResult r = trace(30, 15, 2);
        assertEquals(List.of("F1:a", "F1:b"), who(r));
    }

    @Test
    void contactsAreOrderedByTierThenFirstOverlapThenPseudonym() {
        visit("index", CAFE, "10:00", "12:00");
        visit("zz", CAFE, "10:00", "11:00");
        visit("aa", CAFE, "10:00", "11:00");
        visit("mm", CAFE, "09:00", "10:30");
        visit("bb", CAFE, "11:00", "12:00");
        assertEquals(List.of("F1:aa", "F1:mm", "F1:zz", "F1:bb"), who(trace(0, 15, 1)));
    }

    @Test
    void venuesOutsideTheJurisdictionAreOmittedAndCounted() {
        visit("index", CAFE, "10:00", "11:00");
        visit("index", MARKET, "12:00", "13:00");
        visit("local", CAFE, "10:00", "11:00");
        visit("away", MARKET, "12:00", "13:00");
        visit("both", CAFE, "10:00", "11:00");
        visit("both", MARKET, "12:00", "13:00");
        ExposureResult r = trace(0, 15, 1).visibleAt(CAFE::equals);
        assertEquals(List.of("F1:both", "F1:local"), who(r));
        assertEquals(1, r.contactsOmitted());
        assertEquals(1, r.indexVisitsOmitted());
        assertTrue(r.contacts().stream().flatMap(c -> c.overlaps().stream()).allMatch(o -> o.venueId().equals(CAFE)));
    }
}
