package org.qrtrace.checkin.domain;

/** A QR code that does not admit anyone (at the time asked about); the web page and the API render it differently. */
public class InvalidTokenException extends RuntimeException {
    private final TokenRejection rejection;

    public InvalidTokenException(TokenRejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    public TokenRejection rejection() {
        return rejection;
    }
}
