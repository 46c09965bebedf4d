package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.InvalidInput;

import java.util.List;

/** A gate batch with more scans than one batch may hold; nothing of it was recorded. */
public final class TooManyScans extends InvalidInput {

    public TooManyScans(int max) {
        super(List.of(new FieldError("scans", "at most " + max + " scans per batch")));
    }
}
