package org.qrtrace.venue.rest;

import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.venue.domain.Category;
import org.qrtrace.venue.domain.UnknownAdminUnit;

/**
 * Query parameters of the venue API read by hand into typed values, so that a bad value is a 400 naming the parameter
 * (JAX-RS answers 404 for a query parameter it cannot convert). Each returns null when the parameter is absent or blank.
 */
final class VenueParams {

    private VenueParams() {
    }

    /** The administrative unit whose code {@code name} gives. */
    static AdminUnit adminUnit(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return AdminUnits.bundled().find(value.strip()).orElseThrow(() -> new UnknownAdminUnit(name));
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
