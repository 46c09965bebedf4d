package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.InvalidInput;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When an exposure site's window may be published, and how long a site stays on the public list
 * (docs/architecture.md, "Exposure sites"). A window is {@code [from, to)}: {@code from} before {@code to}, at most
 * {@code maxWindow} long, already over (its end no later than now plus {@code futureAllowance}, for clocks and a
 * window rounded up to the next half hour), and recent enough to be listed at all. A site is listed while its window
 * ended at most {@code listedFor} ago.
 */
public record ExposureSiteRules(Duration maxWindow, Duration futureAllowance, Duration listedFor) {

    public ExposureSiteRules {
        if (maxWindow == null || maxWindow.isNegative() || maxWindow.isZero()) {
            throw new IllegalArgumentException("the longest exposure-site window must be positive");
        }
        if (futureAllowance == null || futureAllowance.isNegative()) {
            throw new IllegalArgumentException("the future allowance of an exposure-site window is zero or more");
        }
        if (listedFor == null || listedFor.isNegative() || listedFor.isZero()) {
            throw new IllegalArgumentException("the listing period of exposure sites must be positive");
        }
    }

    /** A published window, to the microsecond (what the database keeps, so that the same window compares equal). */
    public record Window(Instant from, Instant to) {
    }

    /** @throws InvalidInput naming {@code from} or {@code to} when the window breaks a rule */
    public Window window(Instant from, Instant to, Instant now) {
        if (from == null || to == null) {
            throw InvalidInput.field(from == null ? "from" : "to", "is required");
        }
        Instant f = from.truncatedTo(ChronoUnit.MICROS);
        Instant t = to.truncatedTo(ChronoUnit.MICROS);
        if (!t.isAfter(f)) {
            throw InvalidInput.field("to", "must be after from");
        }
        if (Duration.between(f, t).compareTo(maxWindow) > 0) {
            throw InvalidInput.field("to", "the window may span at most " + describe(maxWindow));
        }
        if (t.isAfter(now.plus(futureAllowance))) {
            throw InvalidInput.field("to", "must not be in the future (a site is published once the case has left)");
        }
        if (!t.isAfter(listedSince(now))) {
            throw InvalidInput.field("to", "must be within the last " + describe(listedFor)
                    + ": an older site would never be listed");
        }
        return new Window(f, t);
    }

    /** Sites whose window ended after this instant are listed. */
    public Instant listedSince(Instant now) {
        return now.minus(listedFor);
    }

    private static String describe(Duration d) {
        long seconds = d.toSeconds();
        return seconds % 86400 == 0 ? d.toDays() + " days" : seconds % 3600 == 0 ? d.toHours() + " hours"
                : d.toMinutes() + " minutes";
    }
}
