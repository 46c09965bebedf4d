package org.qrtrace.checkin.domain;

import org.qrtrace.common.error.NotFound;

/** A check-out link that is not valid for this check-in (wrong id or secret). */
public final class UnknownCheckoutLink extends NotFound {

    public UnknownCheckoutLink() {
        super("no check-in with this id and check-out secret");
    }
}
