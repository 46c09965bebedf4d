package org.qrtrace.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each bad field and the rule it broke, so a client (or a person
 * reading a CSV import report) knows exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected input: the field's path in the request (e.g. {@code entrances[0].name}) and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, Integer line, Integer column) {
        public FieldError(String field, String message) {
            this(field, message, null, null);
        }
    }
}
