package org.qrtrace.tracing.domain;

import org.qrtrace.common.error.InvalidInput;

import java.util.Arrays;

/**
 * What the officer following a contact up has recorded. A test result or giving up on reaching the person ends the
 * follow-up ({@link #isFinal()}); being reached or in quarantine does not: the contact is still watched.
 */
public enum FollowUpStatus {
    REACHED(false), QUARANTINED(false), TESTED_NEGATIVE(true), TESTED_POSITIVE(true), UNREACHABLE(true);

    private final boolean fin;

    FollowUpStatus(boolean fin) {
        this.fin = fin;
    }

    public boolean isFinal() {
        return fin;
    }

    /** @throws InvalidInput naming {@code field} when {@code value} is not one of the statuses */
    public static FollowUpStatus parse(String field, String value) {
        try {
            return valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(field, "must be one of " + Arrays.toString(values()));
        }
    }
}
