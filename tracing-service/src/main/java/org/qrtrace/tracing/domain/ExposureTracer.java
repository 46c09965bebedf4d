package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The exposure rules of docs/architecture.md, free of storage: it asks a {@link PresenceLookup} for candidate visits (the
 * SQL store answers through its indexes) and decides itself who overlaps whom, for how long, and in which tier.
 *
 * <ul>
 *   <li>Index visits: the index person's visits intersecting {@code [from, to)}, each extended to
 *       {@code [checkedInAt, checkedOutAt + buffer)}.</li>
 *   <li>F1: another person's visit at the same venue intersecting an extended index visit for at least the minimum
 *       overlap; exposureStart = start of the earliest such overlap.</li>
 *   <li>F2 (depth 2): another person (not index, not F1) overlapping by the same rule an F1's visit that starts at or
 *       after that F1's exposureStart and before {@code to}.</li>
 * </ul>
 */
public final class ExposureTracer {

    private final PresenceLookup lookup;

    public ExposureTracer(PresenceLookup lookup) {
        this.lookup = lookup;
    }

    public ExposureResult trace(String indexPseudonym, ExposureParameters p) {
        List<PresenceInterval> indexVisits = lookup.visitsOf(indexPseudonym, p.from(), p.to()).stream()
                .filter(v -> v.pseudonym().equals(indexPseudonym) && v.intersects(p.from(), p.to()))
                .sorted(java.util.Comparator.comparing(PresenceInterval::start).thenComparing(PresenceInterval::venueId))
                .toList();
        Set<String> excluded = new LinkedHashSet<>(Set.of(indexPseudonym));
        Map<String, List<Overlap>> f1 = overlapping(indexVisits, p, excluded);

        List<Contact> contacts = new ArrayList<>();
        f1.forEach((pseudonym, overlaps) -> contacts.add(new Contact(pseudonym, Tier.F1, overlaps)));
        if (p.depth() == 2 && !f1.isEmpty()) {
            Map<String, Instant> exposureStart = new HashMap<>();
            contacts.forEach(c -> exposureStart.put(c.pseudonym(), c.firstOverlapStart()));
            List<PresenceInterval> f1Visits = lookup.visitsStartingBetween(exposureStart, p.to()).stream()
                    .filter(v -> exposureStart.containsKey(v.pseudonym()))
                    .filter(v -> !v.start().isBefore(exposureStart.get(v.pseudonym())) && v.start().isBefore(p.to()))
                    .toList();
            excluded.addAll(f1.keySet());
            overlapping(f1Visits, p, excluded)
                    .forEach((pseudonym, overlaps) -> contacts.add(new Contact(pseudonym, Tier.F2, overlaps)));
        }
        return new ExposureResult(indexVisits, contacts, 0, 0);
    }

    /** Everyone not excluded whose visits overlap the sources' extended visits for at least the minimum. */
    private Map<String, List<Overlap>> overlapping(Collection<PresenceInterval> sources, ExposureParameters p,
                                                   Set<String> excluded) {
        Map<String, List<Overlap>> byPerson = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return byPerson;
        }
        List<PresenceInterval.Window> windows = sources.stream().map(v -> v.extendedBy(p.buffer())).distinct().toList();
        Map<UUID, List<PresenceInterval>> candidatesByVenue = new HashMap<>();
        for (PresenceInterval c : new LinkedHashSet<>(lookup.visitsIntersecting(windows))) {
            if (!excluded.contains(c.pseudonym())) {
                candidatesByVenue.computeIfAbsent(c.venueId(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<String, Set<Overlap>> found = new LinkedHashMap<>();
        for (PresenceInterval.Window w : windows) {
            for (PresenceInterval c : candidatesByVenue.getOrDefault(w.venueId(), List.of())) {
                Instant start = max(w.start(), c.start());
                Instant end = min(w.end(), c.end());
                if (start.isBefore(end) && Duration.between(start, end).compareTo(p.minOverlap()) >= 0) {
                    found.computeIfAbsent(c.pseudonym(), k -> new LinkedHashSet<>())
                            .add(new Overlap(c.venueId(), start, end, c.checkinId(), c.sealedContact()));
                }
            }
        }
        found.forEach((person, overlaps) -> byPerson.put(person, List.copyOf(overlaps)));
        return byPerson;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
