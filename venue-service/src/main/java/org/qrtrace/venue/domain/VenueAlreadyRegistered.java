package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Conflict;

/** An open venue with the same administrative unit, name and address ({@link IdentityKey}) already exists. */
public class VenueAlreadyRegistered extends Conflict {

    public VenueAlreadyRegistered() {
        super("an open venue with the same administrative unit, name and address is already registered");
    }
}
