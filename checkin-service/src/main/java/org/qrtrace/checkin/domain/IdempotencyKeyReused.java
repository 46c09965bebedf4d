package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.Unprocessable;

import java.util.List;

/**
 * An Idempotency-Key already used for a different check-in; a new check-in needs a new key (422, as the Idempotency-Key
 * header's specification says).
 */
public final class IdempotencyKeyReused extends Unprocessable {

    /** The header (input field) at fault. */
    public static final String FIELD = "Idempotency-Key";

    public IdempotencyKeyReused() {
        super("Idempotency-Key reused",
                "this Idempotency-Key was already used for a different check-in; use a new key for a new check-in",
                List.of(new FieldError(FIELD, "already used for a different check-in")));
    }
}
