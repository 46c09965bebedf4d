package org.qrtrace.checkin.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * QR codes of a venue revoked at once: versions up to and including {@code upToVersion} of one entrance, or of the
 * venue's own code and every entrance when {@code entranceId} is null. Scans made before {@code revokedAt} stay valid
 * (a gate device may upload them late).
 */
public record Revocation(UUID entranceId, int upToVersion, Instant revokedAt, String reason) {

    public boolean covers(UUID tokenEntranceId, int version, Instant at) {
        boolean target = entranceId == null || entranceId.equals(tokenEntranceId);
        return target && version <= upToVersion && !at.isBefore(revokedAt);
    }
}
