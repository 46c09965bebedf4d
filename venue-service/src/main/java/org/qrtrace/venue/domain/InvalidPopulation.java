package org.qrtrace.venue.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.InvalidInput;

import java.util.List;

/** A population figure breaks its rules; each error names the field of the body at fault. */
public class InvalidPopulation extends InvalidInput {

    public InvalidPopulation(List<FieldError> errors) {
        super(errors);
    }
}
