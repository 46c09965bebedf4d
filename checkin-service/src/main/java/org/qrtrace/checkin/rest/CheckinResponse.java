package org.qrtrace.checkin.rest;

import org.qrtrace.checkin.domain.CheckinReceipt;

import java.time.Instant;
import java.util.UUID;

/** The answer to a check-in; {@code checkoutUrl} ends the visit (keep it: it is the only proof you own the visit). */
public record CheckinResponse(UUID checkinId, UUID venueId, String venueName, String entranceName, Instant checkedInAt,
                              Instant autoCheckoutAt, int dependants, String checkoutUrl) {

    public static CheckinResponse of(CheckinReceipt r) {
        return new CheckinResponse(r.checkinId(), r.venueId(), r.venueName(), r.entranceName(), r.checkedInAt(),
                r.autoCheckoutAt(), r.dependants(), checkoutPath(r));
    }

    static String checkoutPath(CheckinReceipt r) {
        return "/api/v1/checkins/" + r.checkinId() + "/checkout?k=" + r.checkoutSecret();
    }
}
