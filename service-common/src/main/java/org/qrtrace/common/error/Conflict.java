package org.qrtrace.common.error;

/** The request collides with the current state (a duplicate, a change that lost a race). */
public class Conflict extends DomainException {

    public Conflict(String detail) {
        super(null, detail);
    }

    public Conflict(String title, String detail) {
        super(title, detail);
    }

    /** {@code errors}: the fields whose values collide (e.g. a reference that must be unique). */
    public Conflict(String title, String detail, java.util.List<FieldError> errors) {
        super(title, detail, errors);
    }
}
