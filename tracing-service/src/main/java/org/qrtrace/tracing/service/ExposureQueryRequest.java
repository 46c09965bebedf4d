package org.qrtrace.tracing.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An officer's exposure query (docs/architecture.md). Exactly one of {@code phone} and {@code pseudonym} names the index
 * person; {@code bufferMinutes}, {@code minOverlapMinutes} and {@code depth} default to 30, 15 and 1.
 */
public record ExposureQueryRequest(
        @NotBlank(message = "is required") @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[\\p{L}\\p{N}._/ -]*", message = "letters, digits, space and . _ / - only") String caseReference,
        @Size(max = 32, message = "at most 32 characters") String phone,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String pseudonym,
        @NotNull(message = "is required") Instant from,
        @NotNull(message = "is required") Instant to,
        @Min(value = 0, message = "must be >= 0") Integer bufferMinutes,
        @Min(value = 0, message = "must be >= 0") @Max(value = 1440, message = "must be <= 1440") Integer minOverlapMinutes,
        @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2") Integer depth) {
}
