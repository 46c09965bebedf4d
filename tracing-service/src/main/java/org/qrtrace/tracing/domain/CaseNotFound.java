package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotFound;

import java.util.UUID;

/** No confirmed case of that id. */
public class CaseNotFound extends NotFound {

    public CaseNotFound(UUID caseId) {
        super("no case " + caseId);
    }
}
