package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** A venue CSV cannot be read as a whole (encoding, size, header); errors name {@code body} or {@code header}. */
public class InvalidCsv extends InvalidInput {

    public InvalidCsv(String detail, List<FieldError> errors) {
        super(null, detail, errors);
    }

    /** The file as a whole ({@code body}) and why it cannot be read. */
    public static InvalidCsv body(String message) {
        List<FieldError> errors = List.of(new FieldError("body", message));
        return new InvalidCsv(describe(errors), errors);
    }
}
