package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.InvalidInput;

import java.util.List;

/** A visitor's check-in input that breaks the rules; every field at fault is named, all at once. */
public final class InvalidVisitor extends InvalidInput {

    /** @param faults one per rule broken, in the order found */
    public InvalidVisitor(List<FieldError> faults) {
        super(faults);
    }
}
