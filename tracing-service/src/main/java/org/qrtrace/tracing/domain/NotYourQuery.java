package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotAllowed;
import java.util.UUID;

/** A stored exposure query is read back only by the officer who ran it, within the same jurisdiction. */
public class NotYourQuery extends NotAllowed {

    public NotYourQuery(UUID queryId) {
        super("exposure query " + queryId + " was run by another officer or for another jurisdiction");
    }
}
