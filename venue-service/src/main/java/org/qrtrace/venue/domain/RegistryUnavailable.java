package org.qrtrace.venue.domain;

import org.qrtrace.common.error.Unavailable;

import java.time.Duration;

/** The registry's database cannot be reached right now; the change was not kept. */
public class RegistryUnavailable extends Unavailable {

    public RegistryUnavailable(Duration retryAfter) {
        super("the venue registry cannot reach its database right now and nothing was changed; try again later",
                retryAfter);
    }
}
