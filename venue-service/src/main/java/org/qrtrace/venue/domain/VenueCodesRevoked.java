package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Gone;

import java.util.UUID;

/** A poster was asked for a closed venue, whose QR codes are all revoked. */
public class VenueCodesRevoked extends Gone {

    public VenueCodesRevoked(UUID venueId) {
        super("venue " + venueId + " is closed; its QR codes are revoked");
    }
}
