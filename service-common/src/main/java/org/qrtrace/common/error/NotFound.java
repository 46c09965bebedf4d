package org.qrtrace.common.error;

import java.util.List;

/** What was asked for does not exist (or is not visible to the caller). */
public class NotFound extends DomainException {

    public NotFound(String detail) {
        super(null, detail);
    }

    public NotFound(String title, String detail) {
        super(title, detail);
    }

    /** {@code errors}: the fields or parameters of the request that name what does not exist (a case id in a body, a
     * path's {@code code}). */
    public NotFound(String title, String detail, List<FieldError> errors) {
        super(title, detail, errors);
    }
}
