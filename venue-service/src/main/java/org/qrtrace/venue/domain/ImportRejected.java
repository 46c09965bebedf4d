package org.qrtrace.venue.domain;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.FieldError;

import java.util.List;

/** Rows of a CSV import break the venue rules, so nothing was imported; each error carries its line and column. */
public class ImportRejected extends InvalidInput {

    public ImportRejected(String detail, List<FieldError> errors) {
        super(null, detail, errors);
    }
}
