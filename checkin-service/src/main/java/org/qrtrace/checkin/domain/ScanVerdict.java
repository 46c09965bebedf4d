package org.qrtrace.checkin.domain;

import java.util.UUID;

/** The verdict on one scan of a gate batch. {@code error} says why a scan was rejected (never personal data). */
public record ScanVerdict(String idempotencyKey, Status status, UUID checkinId, String error) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    public static ScanVerdict rejected(String idempotencyKey, String error) {
        return new ScanVerdict(idempotencyKey, Status.REJECTED, null, error);
    }

    public ScanVerdict asDuplicate() {
        return new ScanVerdict(idempotencyKey, Status.DUPLICATE, checkinId, null);
    }
}
