package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotFound;

import java.util.UUID;

/** No venue of that id is registered. */
public class VenueNotFound extends NotFound {

    public VenueNotFound(UUID venueId) {
        super("no venue " + venueId);
    }
}
