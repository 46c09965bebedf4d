package org.qrtrace.tracing.service;

/**
 * What a notify request did with the contacts of the tiers asked for: {@code queued} new messages;
 * {@code alreadyNotified} already had one for that case and tier (not sent again); {@code unreachable} have no
 * sealed channel this service can open; {@code outsideJurisdiction} were exposed at a venue outside the officer's
 * jurisdiction (their phone is not the officer's to use), skipped.
 */
public record NotificationResult(int queued, int alreadyNotified, int unreachable, int outsideJurisdiction) {
}
