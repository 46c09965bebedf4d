package org.qrtrace.tracing.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the exposure tracer reads from the presence store. Implementations may return more than asked (the tracer
 * applies the rules itself), never less.
 */
public interface PresenceLookup {

    /** Visits of {@code pseudonym} intersecting {@code [from, to)}. */
    List<PresenceInterval> visitsOf(String pseudonym, Instant from, Instant to);

    /** Visits at each window's venue intersecting that window. */
    List<PresenceInterval> visitsIntersecting(Collection<PresenceInterval.Window> windows);

    /** For each pseudonym, its visits starting at or after the given instant and before {@code to}. */
    List<PresenceInterval> visitsStartingBetween(Map<String, Instant> startFromByPseudonym, Instant to);
}
