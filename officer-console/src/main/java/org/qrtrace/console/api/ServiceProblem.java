package org.qrtrace.console.api;

import java.util.List;

/**
 * A service answered 4xx/5xx (or could not be reached: status 503, problem null): its problem+json {@code detail} and
 * field errors, for the page to show. Never carries a stack trace to the page.
 */
public class ServiceProblem extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldProblem> errors;

    public ServiceProblem(int status, String title, String detail, List<FieldProblem> errors) {
        super("service answered " + status + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The message of the field error naming {@code field}, or null. */
    public String fieldMessage(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldProblem::message).findFirst().orElse(null);
    }
}
