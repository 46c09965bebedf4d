package org.qrtrace.tracing.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When an unanswered message may be sent again. The case that made it (docs/reliability.md, notification fault run):
 * a process killed right after the SMSC took a whole message, an SMSC restarted with 16,100 receipts owed, and that
 * message's receipts arriving 2 min 39 s after its submit; with the plain 60 s receipt wait it was sent a second time.
 */
class ReceiptHorizonTest {

    private static final Instant STARTED = Instant.parse("2026-12-04T12:28:24Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Instant at(int seconds) {
        return STARTED.plusSeconds(seconds);
    }

    @Test
    void rowsLeftByAStoppedProcessWaitUntilReceiptsComeForMessagesThisProcessSubmitted() {
        ReceiptHorizon h = new ReceiptHorizon(STARTED);
        // The backlog: receipts for messages the stopped process submitted, for minutes on end.
        for (int s = 1; s <= 150; s++) {
            h.receipt(STARTED.minusSeconds(30).plusMillis(100L * s), at(s));
            assertEquals(Optional.empty(), h.sendAgainBefore(at(s), WAIT), "still in the backlog at +" + s + " s");
        }
        // Receipts of messages whose outcome is unknown (found by reference) do not move it either.
        h.receipt(null, at(151));
        assertEquals(Optional.empty(), h.sendAgainBefore(at(151), WAIT));
        // The first receipt of a message this process submitted: everything the stopped one left has had its turn.
        h.receipt(at(5), at(152));
        assertEquals(Optional.of(at(5)), h.sendAgainBefore(at(152), WAIT),
                "rows last updated before the receipts' horizon (and before the start) may go again");
        h.receipt(at(140), at(200));
        assertEquals(Optional.of(at(140)), h.sendAgainBefore(at(200), WAIT), "never less than the receipt wait");
    }

    @Test
    void aRowThisProcessLeftUnansweredWaitsForReceiptsOfLaterSubmits() {
        ReceiptHorizon h = new ReceiptHorizon(STARTED);
        h.receipt(at(10), at(20));
        Instant unanswered = at(30);
        h.receipt(at(25), at(120)); // a backlog: at +120 s receipts are for messages submitted at +25 s
        Instant before = h.sendAgainBefore(at(120), WAIT).orElseThrow();
        assertEquals(at(25), before);
        assertEquals(false, unanswered.isBefore(before), "not yet: its own receipts may still be queued");
        h.receipt(at(31), at(125));
        assertEquals(true, unanswered.isBefore(h.sendAgainBefore(at(125), WAIT).orElseThrow()));
    }

    @Test
    void withNoReceiptsForTheReceiptWaitItIsThePlainWait() {
        ReceiptHorizon h = new ReceiptHorizon(STARTED);
        assertEquals(Optional.empty(), h.sendAgainBefore(at(59), WAIT));
        assertEquals(Optional.of(at(1)), h.sendAgainBefore(at(61), WAIT), "an SMSC that sends no receipts");
        h.receipt(STARTED.minusSeconds(5), at(70)); // a last receipt from the backlog, then nothing more
        assertEquals(Optional.empty(), h.sendAgainBefore(at(100), WAIT));
        assertEquals(Optional.of(at(71)), h.sendAgainBefore(at(131), WAIT), "the backlog is over");
    }
}
