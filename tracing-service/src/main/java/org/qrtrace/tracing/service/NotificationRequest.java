package org.qrtrace.tracing.service;

import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/** Which contacts of a case to tell by SMS ({@code "F1"}, {@code "F2"}) and in which language ({@code vi} by default, or {@code en}). */
public record NotificationRequest(@NotEmpty(message = "name at least one tier: F1, F2") List<String> tiers,
                                  String language) {
}
