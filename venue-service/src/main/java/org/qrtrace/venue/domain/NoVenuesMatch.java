package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotFound;

/** A bulk poster filter selects no open venue the requester manages. */
public class NoVenuesMatch extends NotFound {

    public NoVenuesMatch() {
        super("no open venue you manage matches this filter");
    }
}
