package org.qrtrace.venue.rest;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.venue.domain.Category;

/**
 * Query parameters of the venue API read by hand into typed values, so that a bad value is a 400 naming the parameter
 * (JAX-RS answers 404 for a query parameter it cannot convert). Each returns null when the parameter is absent or blank.
 */
final class VenueParams {

    private VenueParams() {
    }

    /**
     * An administrative unit code as given, stripped: which unit it names (and whether any) depends on the day, which
     * is the service's to decide.
     */
    static String adminUnitCode(String value) {
        return text(value);
    }

    /** A venue category, in any case. */
    static Category category(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Category category = Category.parse(value);
        if (category == null) {
            throw InvalidInput.field("category", "must be one of " + Category.allowed());
        }
        return category;
    }

    /** Free text, stripped. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
