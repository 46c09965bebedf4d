package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.NotFound;

import java.util.List;
import java.util.UUID;

/** No confirmed case of that id. */
public class CaseNotFound extends NotFound {

    public CaseNotFound(UUID caseId) {
        super("no case " + caseId);
    }

    /** The case named by a request's {@code field} (e.g. {@code caseId} in a body) does not exist. */
    public CaseNotFound(UUID caseId, String field) {
        super(null, "no case " + caseId, List.of(new FieldError(field, "no case " + caseId)));
    }
}
