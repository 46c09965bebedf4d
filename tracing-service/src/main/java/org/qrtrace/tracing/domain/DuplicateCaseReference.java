package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.Conflict;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** A case reference names one case only. */
public class DuplicateCaseReference extends Conflict {

    public DuplicateCaseReference(String caseReference) {
        super("Duplicate case reference", "a case with reference " + caseReference + " already exists",
                List.of(new FieldError("caseReference", "already used by another case")));
    }
}
