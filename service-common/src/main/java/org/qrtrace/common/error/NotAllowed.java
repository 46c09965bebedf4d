package org.qrtrace.common.error;

import java.util.List;

/** The caller may not do this to this thing (not their venue, outside their jurisdiction): their role alone would allow it. */
public class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super(null, detail);
    }

    public NotAllowed(String title, String detail) {
        super(title, detail);
    }

    /** {@code errors}: the fields of the request that name what the caller may not touch (e.g. a venue id in a body). */
    public NotAllowed(String title, String detail, List<FieldError> errors) {
        super(title, detail, errors);
    }
}
