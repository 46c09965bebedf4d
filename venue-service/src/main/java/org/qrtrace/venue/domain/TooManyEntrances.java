package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Conflict;

/** The venue already has the most entrances a venue may have. */
public class TooManyEntrances extends Conflict {

    public TooManyEntrances(int max) {
        super("a venue has at most " + max + " entrances");
    }
}
