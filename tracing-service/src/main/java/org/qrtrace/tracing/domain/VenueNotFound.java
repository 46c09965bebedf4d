package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.NotFound;

import java.util.List;
import java.util.UUID;

/** No venue of that id is known to tracing-service (venue events not yet received, or never registered). */
public class VenueNotFound extends NotFound {

    public VenueNotFound(UUID venueId) {
        super("no venue " + venueId);
    }

    /** The venue named by a request's {@code field} (e.g. {@code venueId} in a body) is not known. */
    public VenueNotFound(UUID venueId, String field) {
        super(null, "no venue " + venueId, List.of(new FieldError(field, "no venue " + venueId + " is known")));
    }
}
