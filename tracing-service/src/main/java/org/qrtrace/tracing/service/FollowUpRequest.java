package org.qrtrace.tracing.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An officer's follow-up of a case's contact: the status reached (a {@code FollowUpStatus} name) and a note. */
public record FollowUpRequest(
        @NotBlank(message = "is required") String status,
        @Size(max = 500, message = "at most 500 characters") String note) {
}
