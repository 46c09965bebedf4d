package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotAllowed;

/** A venue manager without an organisation (token claim 'org') tried what needs one, such as registering venues. */
public class OrganisationRequired extends NotAllowed {

    public OrganisationRequired(String detail) {
        super(detail);
    }
}
