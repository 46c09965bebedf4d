package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.Gone;

/** A genuine code that no longer admits anyone: superseded by a newer one, revoked, or its venue closed. */
public final class QrCodeNoLongerValid extends Gone implements QrCodeRefused {

    private final TokenRejection rejection;

    public QrCodeNoLongerValid(TokenRejection rejection) {
        super("QR code no longer valid", rejection.message(), QrCodeRefused.errors(rejection));
        this.rejection = rejection;
    }

    @Override
    public TokenRejection rejection() {
        return rejection;
    }
}
