package org.qrtrace.venue.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.NotFound;

import java.util.List;

/** No administrative unit has the code asked for (in the edition asked for, when one is); names the {@code code}. */
public class AdminUnitNotFound extends NotFound {

    public AdminUnitNotFound(String code) {
        this(code, "no administrative unit has code " + code + " in any edition of the list");
    }

    public AdminUnitNotFound(String code, String detail) {
        super(null, detail, List.of(new FieldError("code", detail)));
    }
}
