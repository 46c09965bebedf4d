package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** The entrance named by {@code entranceId} is not one of the venue's. */
public class UnknownEntrance extends InvalidInput {

    public UnknownEntrance() {
        super(List.of(new FieldError("entranceId", "not an entrance of this venue")));
    }
}
