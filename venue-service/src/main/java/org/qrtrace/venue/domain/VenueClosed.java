package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Conflict;

import java.util.UUID;

/** A change was asked of a closed venue; a closed venue stays as it was closed. */
public class VenueClosed extends Conflict {

    public VenueClosed(UUID venueId) {
        super("venue " + venueId + " is closed");
    }
}
