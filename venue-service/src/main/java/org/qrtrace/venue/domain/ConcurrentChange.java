package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Conflict;

/**
 * A uniqueness rule of the database refused the change because of another change made meanwhile (other than the
 * venue identity, which is {@link VenueAlreadyRegistered}); nothing was changed.
 */
public class ConcurrentChange extends Conflict {

    public ConcurrentChange() {
        super("the registry changed meanwhile and this change collides with it; nothing was changed, try again");
    }
}
