package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.crypto.Pseudonym;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;

/**
 * The person an officer names by {@code phone} or {@code pseudonym} (exactly one): a phone typed in becomes its
 * pseudonym here, at once, and goes no further (not stored, not logged).
 */
@ApplicationScoped
public class PersonPseudonyms {

    private final Pseudonymiser pseudonymiser;

    PersonPseudonyms(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** @throws InvalidInput naming {@code phone} or {@code pseudonym} when neither, both, or a bad phone is given */
    public Pseudonym pseudonymOf(String phone, String pseudonym) {
        boolean hasPhone = phone != null && !phone.isBlank();
        boolean hasPseudonym = pseudonym != null && !pseudonym.isBlank();
        if (hasPhone == hasPseudonym) {
            throw InvalidInput.field(hasPhone ? "pseudonym" : "phone",
                    hasPhone ? "give either phone or pseudonym, not both" : "phone or pseudonym of the index person is required");
        }
        if (hasPseudonym) {
            try {
                return Pseudonym.of(pseudonym);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("pseudonym", "must be 64 lower-case hex digits");
            }
        }
        try {
            return Pseudonym.of(pseudonymiser.pseudonymOf(E164Phone.parse(phone)));
        } catch (InvalidPhoneException e) {
            throw InvalidInput.field("phone", e.getMessage());
        }
    }
}
