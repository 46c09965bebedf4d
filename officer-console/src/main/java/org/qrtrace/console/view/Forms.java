package org.qrtrace.console.view;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads form fields into values for the APIs; each problem is recorded under the field's name with a message key of the
 * bundle, so the page shows it beside the field (nothing is sent to a service while one remains).
 */
public final class Forms {

    private final ZoneId zone;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Forms(ZoneId zone) {
        this.zone = zone;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public void fail(String field, String messageKey) {
        errors.putIfAbsent(field, messageKey);
    }

    public String required(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "err_required");
            return null;
        }
        return value.strip();
    }

    /** An {@code <input type=datetime-local>} value (yyyy-MM-ddTHH:mm, local time of the console's zone). */
    public Instant localDateTime(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                fail(field, "err_required");
            }
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            fail(field, "err_datetime");
            return null;
        }
    }

    /** An {@code <input type=date>} value (yyyy-MM-dd). */
    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                fail(field, "err_required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            fail(field, "err_date");
            return null;
        }
    }

    /** A whole number within [min, max]; blank gives the default. */
    public Integer integer(String field, String value, int min, int max, Integer dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                fail(field, "err_range");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            fail(field, "err_number");
            return null;
        }
    }

    /** A Vietnamese mobile or fixed number as people write it (digits, spaces, dots, dashes, a leading + or 0). */
    public String phone(String field, String value) {
        String v = required(field, value);
        if (v == null) {
            return null;
        }
        String digits = v.replaceAll("[\\s.\\-()]", "");
        if (!digits.matches("(\\+84|84|0)[1-9][0-9]{7,9}")) {
            fail(field, "err_phone");
            return null;
        }
        return v;
    }

    /** An administrative unit code: 2 to 5 digits. */
    public String unitCode(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                fail(field, "err_required");
            }
            return null;
        }
        String v = value.strip();
        if (!v.matches("[0-9]{2,5}")) {
            fail(field, "err_unit");
            return null;
        }
        return v;
    }

    /** One of the given values (case-sensitive), or null when blank. */
    public String oneOf(String field, String value, java.util.Collection<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.strip())) {
            fail(field, "err_choice");
            return null;
        }
        return value.strip();
    }
}
