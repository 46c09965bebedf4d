package org.qrtrace.common.error;

import java.util.List;

/**
 * A failure a rule expects and a caller can act on, said in the domain's words. Services throw a subclass of one of
 * the kinds below ({@link InvalidInput}, {@link NotFound}, {@link NotAllowed}, {@link Conflict}, {@link Gone},
 * {@link RateLimited}, {@link Unavailable}, {@link Unprocessable}), usually a named one of their own (e.g. {@code VenueNotFound}); the REST
 * layer alone decides what each kind is in HTTP ({@code ProblemMappers}), so no service class knows a status code.
 */
public abstract class DomainException extends RuntimeException {

    private final String title;
    private final List<FieldError> errors;

    /** {@code title}: a short summary for people (problem+json's title), or null for the kind's own. */
    protected DomainException(String title, String detail) {
        this(title, detail, List.of());
    }

    /** {@code errors}: the fields at fault, for any kind (a refused QR code names its {@code token} even when gone). */
    protected DomainException(String title, String detail, List<FieldError> errors) {
        super(detail);
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault; empty when the failure is not about one. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The summary for people, or null to use the kind's. */
    public String title() {
        return title;
    }
}
