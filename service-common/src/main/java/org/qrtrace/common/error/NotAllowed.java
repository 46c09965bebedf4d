package org.qrtrace.common.error;

/** The caller may not do this to this thing (not their venue, outside their jurisdiction): their role alone would allow it. */
public class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super(null, detail);
    }

    public NotAllowed(String title, String detail) {
        super(title, detail);
    }
}
