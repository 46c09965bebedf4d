package org.qrtrace.checkin.service;

/**
 * One scan of a gate device as uploaded, not yet validated (each scan is judged on its own).
 *
 * @param direction {@code IN} or {@code OUT}
 * @param scannedAt the device's scan time, ISO-8601 instant
 */
public record GateScan(String idempotencyKey, String token, String phone, String direction, String scannedAt) {

    @Override
    public String toString() {
        return "GateScan[" + idempotencyKey + " " + direction + " " + scannedAt + "]";
    }
}
