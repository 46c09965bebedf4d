package org.qrtrace.venue.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.InvalidInput;

import java.util.List;

/** The edition named is not an edition of the official list the registry holds. */
public class UnknownEdition extends InvalidInput {

    public UnknownEdition(String edition, List<String> known) {
        super(List.of(new FieldError("edition", "'" + edition + "' is not an edition of the list; the editions are "
                + String.join(", ", known))));
    }
}
