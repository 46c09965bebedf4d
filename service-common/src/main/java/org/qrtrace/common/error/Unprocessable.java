package org.qrtrace.common.error;

import java.util.List;

/**
 * Each field is valid on its own, but the request contradicts an earlier one the server kept (an Idempotency-Key
 * reused for a different request), so it cannot be carried out as sent.
 */
public class Unprocessable extends DomainException {

    public Unprocessable(String title, String detail, List<FieldError> errors) {
        super(title, detail, errors);
    }
}
