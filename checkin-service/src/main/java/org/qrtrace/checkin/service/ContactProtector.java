package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;

import java.security.PublicKey;

/**
 * Turns a visitor's phone and name into what events may carry: the pseudonym (HMAC with the secret pepper) and the
 * contact sealed for the health authority. This service holds only the authority's public key, so it cannot read back
 * what it sealed.
 */
@ApplicationScoped
public class ContactProtector {

    private final Pseudonymiser pseudonymiser;
    private final PublicKey authority;

    @Inject
    public ContactProtector(CheckinConfig config) {
        this.pseudonymiser = Pseudonymiser.fromBase64(config.pepper());
        this.authority = ContactSeal.publicKeyFromBase64(config.seal().publicKey());
    }

    public String pseudonymOf(E164Phone phone) {
        return pseudonymiser.pseudonymOf(phone);
    }

    /** A dependant without a phone of their own is reached through the guardian's phone. */
    public String pseudonymOfDependant(E164Phone guardian, String name) {
        return pseudonymiser.pseudonymOfDependant(guardian, name);
    }

    public String seal(E164Phone phone, String name) {
        return new SealedContact(phone.value(), name).sealFor(authority);
    }
}
