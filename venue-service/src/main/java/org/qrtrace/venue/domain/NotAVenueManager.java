package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotAllowed;

/** The requester is neither a venue manager nor an administrator. */
public class NotAVenueManager extends NotAllowed {

    public NotAVenueManager() {
        super("only venue managers and administrators manage venues");
    }
}
