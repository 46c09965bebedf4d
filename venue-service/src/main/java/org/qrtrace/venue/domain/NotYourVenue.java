package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotAllowed;

/** A venue manager touched a venue that is neither listed in its token nor of its organisation. */
public class NotYourVenue extends NotAllowed {

    public NotYourVenue() {
        super("this venue is not one you manage");
    }
}
