package org.qrtrace.common.error;

import java.util.List;

/** The thing existed and no longer serves (a closed venue, a superseded QR code). */
public class Gone extends DomainException {

    public Gone(String detail) {
        super(null, detail);
    }

    public Gone(String title, String detail) {
        super(title, detail);
    }

    public Gone(String title, String detail, List<FieldError> errors) {
        super(title, detail, errors);
    }
}
