package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotAllowed;

/** What the officer asked about lies outside the administrative unit their token names. */
public class OutsideJurisdiction extends NotAllowed {

    public OutsideJurisdiction(String what) {
        super(what + " is outside your jurisdiction");
    }
}
