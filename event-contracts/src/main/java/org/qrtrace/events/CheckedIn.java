package org.qrtrace.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A visitor (and any dependants) entered a venue. No plain phone or name travels here: {@code pseudonym} is
 * HMAC-SHA256(pepper, E.164 phone) in hex, and {@code sealedContact} is the contact sealed for the health authority
 * (only tracing-service holds the key to open it). {@code autoCheckoutAt} is when the visit ends if no check-out is
 * scanned (the venue category's default stay).
 */
public record CheckedIn(UUID checkinId, UUID venueId, UUID entranceId, String pseudonym, String sealedContact,
                        Instant checkedInAt, Instant autoCheckoutAt, Source source, String deviceId,
                        boolean clockSkewFlagged, Declaration declaration, List<Dependant> dependants)
        implements EventPayload {

    public CheckedIn {
        dependants = dependants == null ? List.of() : List.copyOf(dependants);
    }

    public enum Source { WEB, API, GATE }

    /** The optional health declaration. */
    public record Declaration(List<String> symptoms, String travelledFrom, Boolean contactWithCase) {
        public Declaration {
            symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
        }
    }

    /** A person checked in with the visitor (child, elderly without a phone): their own pseudonym and sealed contact. */
    public record Dependant(String pseudonym, String sealedContact) {
    }
}
