package org.qrtrace.checkin.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The versions of one QR code (a venue's own code or one entrance's): the version currently issued and the rotations
 * that superseded older versions, each with the end of its grace period.
 */
public record TokenLine(int currentVersion, List<Rotation> rotations) {

    public TokenLine {
        rotations = List.copyOf(rotations);
    }

    public static TokenLine issued(int version) {
        return new TokenLine(version, List.of());
    }

    /** A rotation to {@code newVersion}: every older version stays valid until {@code previousValidUntil}. */
    public record Rotation(int newVersion, Instant previousValidUntil) {
    }

    public TokenLine rotated(int newVersion, Instant previousValidUntil) {
        List<Rotation> next = new ArrayList<>(rotations);
        next.add(new Rotation(newVersion, previousValidUntil));
        return new TokenLine(Math.max(currentVersion, newVersion), next);
    }

    /**
     * Whether a token of {@code version} was still current or within a grace period at {@code at}. A version newer than
     * the one we know is accepted: its signature proves venue-service issued it and the rotation event is on its way.
     * An older version is valid only until the earliest grace end of the rotations that superseded it; an older version
     * with no known rotation (its history compacted away) is treated as superseded.
     */
    public boolean isCurrentAt(int version, Instant at) {
        if (version >= currentVersion) {
            return true;
        }
        Instant until = null;
        for (Rotation r : rotations) {
            if (r.newVersion() > version && r.previousValidUntil() != null
                    && (until == null || r.previousValidUntil().isBefore(until))) {
                until = r.previousValidUntil();
            }
        }
        return until != null && at.isBefore(until);
    }
}
