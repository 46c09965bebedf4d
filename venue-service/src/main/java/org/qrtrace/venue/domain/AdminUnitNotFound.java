package org.qrtrace.venue.domain;

import org.qrtrace.common.error.NotFound;

/** No administrative unit has the code asked for. */
public class AdminUnitNotFound extends NotFound {

    public AdminUnitNotFound(String code) {
        super("no administrative unit " + code);
    }
}
