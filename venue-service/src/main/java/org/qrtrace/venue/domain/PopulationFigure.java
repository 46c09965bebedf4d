package org.qrtrace.venue.domain;

import java.time.Instant;

/**
 * A population figure of an administrative unit (edition, code): {@code count} residents in {@code year}, from
 * {@code source}, set by {@code setBy} at {@code setAt}. A unit's figures are its history; the newest set is the
 * current one.
 */
public record PopulationFigure(String edition, String code, long count, int year, String source, String setBy,
                               Instant setAt) {
}
