package org.qrtrace.console.web;

/** A form post without the matching CSRF token (or from another origin). */
public class CsrfRejected extends RuntimeException {
    public CsrfRejected() {
        super("CSRF token missing or wrong", null, false, false);
    }
}
