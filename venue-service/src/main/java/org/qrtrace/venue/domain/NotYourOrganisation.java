package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotAllowed;

/** A venue manager tried to register a venue for an organisation other than its own. */
public class NotYourOrganisation extends NotAllowed {

    public NotYourOrganisation() {
        super("a venue manager registers venues only for its own organisation");
    }
}
