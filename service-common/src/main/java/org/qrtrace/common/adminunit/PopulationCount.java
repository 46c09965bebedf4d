package org.qrtrace.common.adminunit;

/** A population count of one unit (edition, code) in a given year, with where it comes from. */
public record PopulationCount(String edition, String code, long count, int year, String source) {
}
