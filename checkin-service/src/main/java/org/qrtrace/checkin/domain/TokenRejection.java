package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.DomainException;

import java.util.function.Function;

/**
 * Why a QR code was refused, with the kind of refusal it is: {@link InvalidQrCode} (not a genuine, intact code of this
 * system), {@link QrCodeNoLongerValid} (a genuine code that no longer admits anyone) or {@link VenueNotKnownYet} (a
 * genuine code of a venue this instance has not heard of yet).
 */
public enum TokenRejection {
    MALFORMED(InvalidQrCode::new, "the code is not a check-in code of this system"),
    FORGED(InvalidQrCode::new, "the code was not issued by this system or has been altered"),
    SUPERSEDED(QrCodeNoLongerValid::new, "the code has been replaced by a newer one at the venue"),
    REVOKED(QrCodeNoLongerValid::new, "the code has been withdrawn by the venue"),
    VENUE_CLOSED(QrCodeNoLongerValid::new, "the venue is closed"),
    VENUE_UNKNOWN(VenueNotKnownYet::new, "the venue is not known yet; try again in a moment");

    private final Function<TokenRejection, DomainException> kind;
    private final String message;

    TokenRejection(Function<TokenRejection, DomainException> kind, String message) {
        this.kind = kind;
        this.message = message;
    }

    /** The failure to throw for this reason (always a {@link QrCodeRefused}). */
    public DomainException refusal() {
        return kind.apply(this);
    }

    /** English explanation for API clients; the web page has its own translations. */
    public String message() {
        return message;
    }
}
