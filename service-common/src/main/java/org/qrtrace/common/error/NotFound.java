package org.qrtrace.common.error;

/** What was asked for does not exist (or is not visible to the caller). */
public class NotFound extends DomainException {

    public NotFound(String detail) {
        super(null, detail);
    }

    public NotFound(String title, String detail) {
        super(title, detail);
    }
}
