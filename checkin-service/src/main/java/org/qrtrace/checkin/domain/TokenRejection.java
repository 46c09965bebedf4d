package org.qrtrace.checkin.domain;

/**
 * Why a QR code was refused, with the HTTP status it maps to. 400: not a genuine, intact code of this system;
 * 410: a genuine code that no longer admits anyone; 503: a genuine code of a venue this instance has not heard of yet.
 */
public enum TokenRejection {
    MALFORMED(400, "the code is not a check-in code of this system"),
    FORGED(400, "the code was not issued by this system or has been altered"),
    SUPERSEDED(410, "the code has been replaced by a newer one at the venue"),
    REVOKED(410, "the code has been withdrawn by the venue"),
    VENUE_CLOSED(410, "the venue is closed"),
    VENUE_UNKNOWN(503, "the venue is not known yet; try again in a moment");

    private final int status;
    private final String message;

    TokenRejection(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    /** English explanation for API clients; the web page has its own translations. */
    public String message() {
        return message;
    }
}
