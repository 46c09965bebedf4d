package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.NotFound;

import java.util.UUID;

/** The case has no contact of that id. */
public class CaseContactNotFound extends NotFound {

    public CaseContactNotFound(UUID caseId, UUID contactId) {
        super("case " + caseId + " has no contact " + contactId);
    }
}
