package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.Unavailable;

import java.time.Duration;

/** tracing-service's database cannot be reached right now; nothing of the request was kept (503 with Retry-After). */
public class StoreUnavailable extends Unavailable {

    /** Long enough for a connection pool to reconnect after a database restart or a failover. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public StoreUnavailable() {
        super("tracing-service cannot reach its database right now and nothing was changed; try again later",
                RETRY_AFTER);
    }
}
