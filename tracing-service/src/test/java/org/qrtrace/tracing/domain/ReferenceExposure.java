package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exposure rules of docs/architecture.md written as plainly as possible: nested loops over every pair of visits, no
 * lookup, no indexes. The production tracer must agree with it on any visit set.
 */
final class ReferenceExposure {

    /** One contact as a comparable string list: "tier pseudonym" then its sorted overlaps. */
    record Row(String tier, String pseudonym, Instant firstStart, List<String> overlaps) {
    }

    static List<Row> contacts(List<PresenceInterval> all, String index, Instant from, Instant to, Duration buffer,
                              Duration minOverlap, int depth) {
        List<PresenceInterval> indexVisits = new ArrayList<>();
        for (PresenceInterval v : all) {
            if (v.pseudonym().equals(index) && v.start().isBefore(to) && v.end().isAfter(from)) {
                indexVisits.add(v);
            }
        }
        Map<String, Set<String>> f1 = new TreeMap<>();
        Map<String, Instant> exposureStart = new TreeMap<>();
        for (PresenceInterval source : indexVisits) {
            for (PresenceInterval other : all) {
                if (!other.pseudonym().equals(index)) {
                    overlap(source, other, buffer, minOverlap, f1, exposureStart);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        f1.forEach((p, o) -> rows.add(new Row("F1", p, exposureStart.get(p), List.copyOf(o))));
        if (depth == 2) {
            Map<String, Set<String>> f2 = new TreeMap<>();
            Map<String, Instant> f2Start = new TreeMap<>();
            for (PresenceInterval source : all) {
                Instant es = exposureStart.get(source.pseudonym());
                if (es == null || source.start().isBefore(es) || !source.start().isBefore(to)) {
                    continue;
                }
                for (PresenceInterval other : all) {
                    if (!other.pseudonym().equals(index) && !f1.containsKey(other.pseudonym())) {
                        overlap(source, other, buffer, minOverlap, f2, f2Start);
                    }
                }
            }
            f2.forEach((p, o) -> rows.add(new Row("F2", p, f2Start.get(p), List.copyOf(o))));
        }
        rows.sort(Comparator.comparing(Row::tier).thenComparing(Row::firstStart).thenComparing(Row::pseudonym));
        return rows;
    }

    private static void overlap(PresenceInterval source, PresenceInterval other, Duration buffer, Duration minOverlap,
                                Map<String, Set<String>> found, Map<String, Instant> firstStart) {
        if (!source.venueId().equals(other.venueId())) {
            return;
        }
        Instant sourceEnd = source.end().plus(buffer);
        Instant start = source.start().isAfter(other.start()) ? source.start() : other.start();
        Instant end = sourceEnd.isBefore(other.end()) ? sourceEnd : other.end();
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(minOverlap) < 0) {
            return;
        }
        found.computeIfAbsent(other.pseudonym(), k -> new TreeSet<>())
                .add(start + "|" + end + "|" + other.venueId() + "|" + other.checkinId());
        firstStart.merge(other.pseudonym(), start, (a, b) -> a.isBefore(b) ? a : b);
    }

    static List<Row> of(ExposureResult result) {
        List<Row> rows = new ArrayList<>();
        for (Contact c : result.contacts()) {
            Set<String> overlaps = new TreeSet<>();
            c.overlaps().forEach(o -> overlaps.add(o.start() + "|" + o.end() + "|" + o.venueId() + "|" + o.contactCheckinId()));
            rows.add(new Row(c.tier().name(), c.pseudonym(), c.firstOverlapStart(), List.copyOf(overlaps)));
        }
        return rows;
    }

    private ReferenceExposure() {
    }
}
