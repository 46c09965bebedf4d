package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotAllowed;

/** The caller is not a health officer with a usable jurisdiction claim (the role alone let the request in). */
public class NotAnOfficer extends NotAllowed {

    public NotAnOfficer(String reason) {
        super(reason);
    }
}
