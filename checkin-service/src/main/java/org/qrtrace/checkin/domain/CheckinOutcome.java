package org.qrtrace.checkin.domain;

/**
 * The result of a check-in: a new visit (a {@code CheckedIn} event was acknowledged) or the visit the same person
 * already had at the venue within the duplicate window (no new event).
 */
public record CheckinOutcome(boolean newVisit, CheckinReceipt receipt) {
}
