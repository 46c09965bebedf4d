package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.FieldError;

import java.util.List;

/**
 * A QR code that does not admit anyone (at the time asked about). The exception's type is the kind of refusal
 * ({@link InvalidQrCode}, {@link QrCodeNoLongerValid}, {@link VenueNotKnownYet}); {@link #rejection()} says exactly why.
 */
public sealed interface QrCodeRefused permits InvalidQrCode, QrCodeNoLongerValid, VenueNotKnownYet {

    /** The input field a refusal is about. */
    String FIELD = "token";

    TokenRejection rejection();

    /** What the {@code token} field's error says: the machine-readable reason first, then the English explanation. */
    static String reason(TokenRejection rejection) {
        return rejection.name() + ": " + rejection.message();
    }

    /** The {@code token} field's error, carried by every kind of refusal. */
    static List<FieldError> errors(TokenRejection rejection) {
        return List.of(new FieldError(FIELD, reason(rejection)));
    }
}
