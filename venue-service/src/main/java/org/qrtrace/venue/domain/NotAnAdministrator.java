package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotAllowed;

/** Only administrators may do this (set a unit's population). */
public class NotAnAdministrator extends NotAllowed {

    public NotAnAdministrator(String what) {
        super("only administrators " + what);
    }
}
