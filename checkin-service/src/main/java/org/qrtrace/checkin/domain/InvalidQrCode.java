package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.InvalidInput;

/** The code is not a genuine, intact check-in code of this system (malformed, forged or altered). */
public final class InvalidQrCode extends InvalidInput implements QrCodeRefused {

    private final TokenRejection rejection;

    public InvalidQrCode(TokenRejection rejection) {
        super("Invalid QR code", rejection.message(), QrCodeRefused.errors(rejection));
        this.rejection = rejection;
    }

    @Override
    public TokenRejection rejection() {
        return rejection;
    }
}
