package org.qrtrace.tracing.domain;

/** Where a confirmed case stands. Cases open as OPEN; closing one is a later part of issue #18. */
public enum CaseStatus {
    OPEN, CLOSED;

    /**
     * Whether the case still counts as a confirmed case where cases are counted together (clusters): OPEN and CLOSED
     * both do, since closing a case ends its follow-up and does not undo the confirmation. A status that withdraws or
     * discards a case, when one is added, must answer false; the switch has no default so that adding a status does
     * not compile until it is decided here.
     */
    public boolean countsAsConfirmed() {
        return switch (this) {
            case OPEN, CLOSED -> true;
        };
    }
}
