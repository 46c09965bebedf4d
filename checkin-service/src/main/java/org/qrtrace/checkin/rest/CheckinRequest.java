package org.qrtrace.checkin.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.qrtrace.events.qr.QrToken;

import java.util.List;

/** {@code POST /api/v1/checkins}: field names are the contract of docs/architecture.md. */
public record CheckinRequest(
        @NotBlank @Size(max = QrToken.MAX_LENGTH) String token,
        @NotBlank @Size(max = 32) String phone,
        @Size(max = 100) String name,
        @Valid Declaration declaration,
        @Size(max = 50) List<@NotNull @Valid Dependant> dependants) {

    /** The optional health declaration. */
    public record Declaration(@Size(max = 20) List<@NotNull @Size(max = 40) String> symptoms, @Size(max = 100) String travelledFrom,
                              Boolean contactWithCase) {
    }

    /** A person checked in with the visitor (child, elderly without a phone): a name, and their own phone if any. */
    public record Dependant(@Size(max = 100) String name, @Size(max = 32) String phone) {
    }

    @Override
    public String toString() {
        return "CheckinRequest[***]";
    }
}
