package org.qrtrace.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} names each bad field and the rule it broke, so a client (or a person
 * reading a CSV import report) knows exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String correlationId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
