package org.qrtrace.deploy.infra;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/** At most {@code maxPerSecond} submits in any one-second window (0: no limit), across all sessions, like a carrier's account limit. */
final class SubmitThrottle {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int maxPerSecond;
    private final Deque<Long> accepted = new ArrayDeque<>();

    SubmitThrottle(int maxPerSecond) {
        this.maxPerSecond = maxPerSecond;
    }

    /** @return true when one more submit fits in the last second (and counts it), false when it must be refused */
    synchronized boolean tryAcquire(long nowNanos) {
        if (maxPerSecond == 0) {
            return true;
        }
        while (!accepted.isEmpty() && nowNanos - accepted.peekFirst() >= WINDOW_NANOS) {
            accepted.removeFirst();
        }
        if (accepted.size() >= maxPerSecond) {
            return false;
        }
        accepted.addLast(nowNanos);
        return true;
    }
}
