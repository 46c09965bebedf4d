package org.qrtrace.venue.repository;

/** An open venue with the same admin unit, name and address exists (the unique index said so). */
public class DuplicateVenueException extends RuntimeException {
    public DuplicateVenueException() {
        super("an open venue with the same administrative unit, name and address exists");
    }
}
