package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.Conflict;

import java.time.Instant;

/** A check-out link of a visit that already ended by itself (its automatic check-out time has passed). */
public final class VisitAlreadyEnded extends Conflict {

    public VisitAlreadyEnded(Instant autoCheckoutAt) {
        super("this visit already ended automatically at " + autoCheckoutAt);
    }
}
