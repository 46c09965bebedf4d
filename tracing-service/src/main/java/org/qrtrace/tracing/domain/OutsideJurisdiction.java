package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.NotAllowed;

import java.util.List;

/** What the officer asked about lies outside the administrative unit their token names. */
public class OutsideJurisdiction extends NotAllowed {

    public OutsideJurisdiction(String what) {
        super(what + " is outside your jurisdiction");
    }

    /** What a request's {@code field} names (e.g. {@code venueId} in a body) lies outside the jurisdiction. */
    public OutsideJurisdiction(String what, String field) {
        super(null, what + " is outside your jurisdiction", List.of(new FieldError(field, "outside your jurisdiction")));
    }
}
