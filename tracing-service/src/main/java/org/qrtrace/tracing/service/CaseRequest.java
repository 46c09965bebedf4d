package org.qrtrace.tracing.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed case as an officer opens it. Exactly one of {@code phone} and {@code pseudonym} names the person;
 * {@code linkedFromCaseId} names the earlier case whose contact this person was, if any.
 */
public record CaseRequest(
        @NotBlank(message = "is required") @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}._/ -]*", message = "letters, digits, space and . _ / - only") String caseReference,
        @Size(max = 32, message = "at most 32 characters") String phone,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String pseudonym,
        @NotNull(message = "is required") Instant confirmedAt,
        @NotBlank(message = "is required") String adminUnitCode,
        UUID linkedFromCaseId) {
}
