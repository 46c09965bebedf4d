package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** The administrative unit code given in {@code field} is not in the bundled administrative-unit tree. */
public class UnknownAdminUnit extends InvalidInput {

    public UnknownAdminUnit(String field) {
        super(List.of(new FieldError(field, "unknown administrative unit code")));
    }
}
