package org.qrtrace.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rejected input: the field's path in the request (e.g. {@code entrances[0].name}), why, and for a file its line
 * and column, so the caller (or a person reading a CSV import report) knows exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Integer line, Integer column) {
    public FieldError(String field, String message) {
        this(field, message, null, null);
    }
}
