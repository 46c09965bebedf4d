package org.qrtrace.tracing.service;

import java.util.List;

/**
 * What a notify request would send, before it is sent: {@code contacts} of the tiers asked for that were exposed
 * inside the officer's jurisdiction (any without a readable phone among them); {@code example} the exact text one of
 * them would get (the first of the first tier asked for: its latest exposure's venue and window, rendered as the
 * sender renders it) and the SMS {@code parts} it takes, both null when there is no such contact. No phone, no person.
 */
public record NotificationPreview(String language, List<String> tiers, int contacts, String example, Integer parts) {
}
