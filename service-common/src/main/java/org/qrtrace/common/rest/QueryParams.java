package org.qrtrace.common.rest;

import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.error.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters read by hand, so that a malformed value is a 400 naming the parameter (JAX-RS answers 404 for a
 * query parameter it cannot convert). Each returns null when the parameter is absent or blank.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String name, String value) {
        return parse(name, value, UUID::fromString, "must be a UUID");
    }

    public static Integer integer(String name, String value) {
        return parse(name, value, Integer::valueOf, "must be a whole number");
    }

    /** An ISO-8601 instant such as 2026-11-23T08:00:00Z. */
    public static Instant instant(String name, String value) {
        return parse(name, value, Instant::parse, "must be an instant like 2026-11-23T08:00:00Z");
    }

    /** An ISO-8601 date such as 2026-11-23. */
    public static LocalDate date(String name, String value) {
        return parse(name, value, LocalDate::parse, "must be a date like 2026-11-23");
    }

    /** An administrative unit code (2 to 5 digits); whether the unit exists is the service's question. */
    public static AdminUnitCode adminUnitCode(String name, String value) {
        return parse(name, value, AdminUnitCode::of, "must be an administrative unit code of 2 to 5 digits");
    }

    /** One of an enum's constants, by its exact name (e.g. {@code OPEN}); the rule lists the accepted names. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        return parse(name, value, v -> Enum.valueOf(type, v), "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw InvalidInput.field(name, rule);
        }
    }
}
