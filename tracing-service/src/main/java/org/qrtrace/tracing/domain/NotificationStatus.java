package org.qrtrace.tracing.domain;

/**
 * Where an SMS to a case's contact is: waiting ({@code QUEUED}, also between retries), handed to the SMPP session
 * ({@code SENDING}: marked before submit_sm; a submit whose answer was never recorded stays here until receipts
 * carrying its reference settle it or the receipt wait sends it again),
 * accepted by the SMSC ({@code SUBMITTED}, with its message ids), and the final receipt's outcome.
 */
public enum NotificationStatus {
    QUEUED, SENDING, SUBMITTED, DELIVERED, FAILED, EXPIRED
}
