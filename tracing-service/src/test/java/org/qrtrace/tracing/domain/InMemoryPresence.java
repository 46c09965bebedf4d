package org.qrtrace.tracing.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The {@link PresenceLookup} contract over a list, exactly as documented (no superset), for the pure tests. */
final class InMemoryPresence implements PresenceLookup {

    private final List<PresenceInterval> visits;

    InMemoryPresence(List<PresenceInterval> visits) {
        this.visits = List.copyOf(visits);
    }

    @Override
    public List<PresenceInterval> visitsOf(String pseudonym, Instant from, Instant to) {
        return visits.stream().filter(v -> v.pseudonym().equals(pseudonym) && v.intersects(from, to)).toList();
    }

    @Override
    public List<PresenceInterval> visitsIntersecting(Collection<PresenceInterval.Window> windows) {
        return visits.stream().filter(v -> windows.stream().anyMatch(w -> w.venueId().equals(v.venueId())
                && v.intersects(w.start(), w.end()))).toList();
    }

    @Override
    public List<PresenceInterval> visitsStartingBetween(Map<String, Instant> startFrom, Instant to) {
        return visits.stream().filter(v -> startFrom.containsKey(v.pseudonym())
                && !v.start().isBefore(startFrom.get(v.pseudonym())) && v.start().isBefore(to)).toList();
    }
}
