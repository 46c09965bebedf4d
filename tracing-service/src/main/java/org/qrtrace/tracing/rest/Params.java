package org.qrtrace.tracing.rest;

import org.qrtrace.common.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query parameters parsed by hand so that a malformed value is a 400 naming the parameter (JAX-RS would answer 404
 * for a query parameter it cannot convert).
 */
final class Params {

    private Params() {
    }

    /** An ISO-8601 instant such as 2026-11-23T08:00:00Z; null when absent. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be an instant like 2026-11-23T08:00:00Z");
        }
    }

    /** An ISO-8601 date such as 2026-11-23; null when absent. */
    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name, "must be a date like 2026-11-23");
        }
    }
}
