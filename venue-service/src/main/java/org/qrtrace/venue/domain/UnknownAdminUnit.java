package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/**
 * The administrative unit code given in {@code field} names no unit where it is read: in the edition of the official
 * list in force that day, or (for a venue list's filter) in that edition or an earlier one.
 */
public class UnknownAdminUnit extends InvalidInput {

    public UnknownAdminUnit(String field) {
        this(field, "unknown administrative unit code");
    }

    public UnknownAdminUnit(String field, String message) {
        super(List.of(new FieldError(field, message)));
    }
}
