package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotFound;
import java.util.UUID;

/** No stored exposure query of that id. */
public class ExposureQueryNotFound extends NotFound {

    public ExposureQueryNotFound(UUID queryId) {
        super("no exposure query " + queryId);
    }
}
