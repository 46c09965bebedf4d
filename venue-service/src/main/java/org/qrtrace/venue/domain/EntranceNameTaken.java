package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Conflict;

/** The venue already has an entrance of that name (compared as {@link IdentityKey#normalise} does). */
public class EntranceNameTaken extends Conflict {

    public EntranceNameTaken() {
        super("this venue already has an entrance named like that");
    }
}
