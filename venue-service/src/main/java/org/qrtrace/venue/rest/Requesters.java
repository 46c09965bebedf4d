package org.qrtrace.venue.rest;

import jakarta.enterprise.context.RequestScoped;
import org.qrtrace.common.security.Caller;
import org.qrtrace.common.security.Roles;
import org.qrtrace.venue.domain.Requester;

/** The verified caller of this request, as the venue rules see it. */
@RequestScoped
public class Requesters {

    private final Caller caller;

    Requesters(Caller caller) {
        this.caller = caller;
    }

    public Requester current() {
        return new Requester(caller.hasRole(Roles.ADMIN), caller.hasRole(Roles.VENUE_MANAGER), caller.venueIds(),
                caller.organisation());
    }
}
