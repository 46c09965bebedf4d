package org.qrtrace.tracing.domain;

/**
 * Where an SMS to a case's contact is: waiting ({@code QUEUED}, also between retries), handed to the SMPP session
 * ({@code SENDING}: marked before submit_sm, so that a crash there is never followed by a second message),
 * accepted by the SMSC ({@code SUBMITTED}, with its message ids), and the final receipt's outcome.
 */
public enum NotificationStatus {
    QUEUED, SENDING, SUBMITTED, DELIVERED, FAILED, EXPIRED
}
