package org.qrtrace.tracing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a message whose submit went unanswered (left SENDING) may be sent again: after the receipt wait, and not before
 * the delivery receipts have caught up with it. An SMSC hands receipts over in about the order it took the messages,
 * one session at a time, so when receipts pile up (a burst of sending faster than receipts are applied, or an SMSC
 * that comes back with thousands owed) the receipt of a message it did take can arrive long after the SMSC's own
 * receipt delay; sending the message again then makes a second one (the fault run of docs/reliability.md measured a
 * receipt 2 min 39 s after its submit, behind 16,100 others, with a 60 s receipt wait).
 * <p>
 * So a row last updated at {@code t} (its claim, or the unanswered submit) is sent again only once a receipt has been
 * applied for a message submitted after {@code t} — and after this process started, since a row left by a process that
 * stopped may have been submitted up to the moment it stopped — or once no receipt at all has come for the receipt
 * wait (nothing more is on its way, or the SMSC sends none). Receipts that come out of order (a handset off for hours)
 * only make this the plain receipt wait again. Kept per process: each instance judges by the receipts it applies.
 */
public final class ReceiptHorizon {

    private final Instant started;
    private Instant lastReceipt;
    private Instant horizon;

    /** @param started when this process began sending (earlier rows were left by another process) */
    public ReceiptHorizon(Instant started) {
        this.started = started;
        this.lastReceipt = started;
    }

    /**
     * A receipt arrived at {@code now}; {@code submittedAt} is when the message it was applied to was submitted, null
     * when that is not known (a message whose outcome was unknown, found by its reference).
     */
    public synchronized void receipt(Instant submittedAt, Instant now) {
        if (now.isAfter(lastReceipt)) {
            lastReceipt = now;
        }
        if (submittedAt != null && (horizon == null || submittedAt.isAfter(horizon))) {
            horizon = submittedAt;
        }
    }

    /**
     * Rows SENDING last updated before the answer may be sent again; empty while none may (receipts are still
     * arriving and none yet for a message submitted after this process started).
     */
    public synchronized Optional<Instant> sendAgainBefore(Instant now, Duration receiptWait) {
        Instant waited = now.minus(receiptWait);
        if (lastReceipt.isBefore(waited)) {
            return Optional.of(waited);
        }
        if (horizon == null || horizon.isBefore(started)) {
            return Optional.empty();
        }
        return Optional.of(horizon.isBefore(waited) ? horizon : waited);
    }
}
