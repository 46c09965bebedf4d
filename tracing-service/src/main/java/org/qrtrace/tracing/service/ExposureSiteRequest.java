package org.qrtrace.tracing.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A venue and window at which a confirmed case was present, as an officer publishes it. {@code advice} is optional
 * plain text for visitors (absent or blank: the configured default of the reader's language).
 */
public record ExposureSiteRequest(
        @NotNull(message = "is required") UUID caseId,
        @NotNull(message = "is required") UUID venueId,
        @NotNull(message = "is required") Instant from,
        @NotNull(message = "is required") Instant to,
        @Size(max = 500, message = "at most 500 characters")
        // One character class (no < or >, no control character but \n and \r) under *: Java matches it in a loop,
        // never recursing however long the value, and it reads the same as an ECMAScript pattern in the OpenAPI schema.
        @Pattern(regexp = "[^<>\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*",
                message = "plain text: no < or > and no control characters other than line breaks") String advice) {
}
