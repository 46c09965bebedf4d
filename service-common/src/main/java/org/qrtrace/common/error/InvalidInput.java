package org.qrtrace.common.error;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks a rule; names every field at fault and the rule, so the caller knows exactly what to fix. */
public class InvalidInput extends DomainException {

    public InvalidInput(List<FieldError> errors) {
        this(null, describe(errors), errors);
    }

    public InvalidInput(String title, String detail, List<FieldError> errors) {
        super(title, detail, errors);
    }

    /** One field and the rule it broke. */
    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    /** The errors in one line, e.g. {@code phone: not a phone number; name: at most 100 characters}. */
    public static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
