package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotFound;

import java.util.UUID;

/** No exposure site of that id. */
public class ExposureSiteNotFound extends NotFound {

    public ExposureSiteNotFound(UUID siteId) {
        super("no exposure site " + siteId);
    }
}
