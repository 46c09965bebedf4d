package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** A venue or entrance breaks the venue rules; each error names the field of the JSON body at fault. */
public class InvalidVenue extends InvalidInput {

    public InvalidVenue(List<FieldError> errors) {
        super(errors);
    }

    public InvalidVenue(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}
