package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** A bulk poster filter selects more venues than one download may hold; it must be narrowed. */
public class TooManyForBulk extends InvalidInput {

    public TooManyForBulk(long selected, int max) {
        super(null, "the filter selects " + selected + " venues; at most " + max + " per bulk download, narrow it by "
                + "adminUnitCode or category", List.of(new FieldError("adminUnitCode", "selects more than " + max + " venues")));
    }
}
