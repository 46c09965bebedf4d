package org.qrtrace.venue.rest;

import org.qrtrace.common.problem.ProblemException;

import java.util.UUID;

/** Query parameters read by hand, so that a malformed one is a 400 naming it (JAX-RS would answer 404). */
final class Params {

    private Params() {
    }

    static UUID optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(name, "must be a UUID");
        }
    }

    static Integer optionalInt(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "must be a whole number");
        }
    }
}
