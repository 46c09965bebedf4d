package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotFound;
import java.util.UUID;

/** No venue of that id is known to tracing-service (venue events not yet received, or never registered). */
public class VenueNotFound extends NotFound {

    public VenueNotFound(UUID venueId) {
        super("no venue " + venueId);
    }
}
