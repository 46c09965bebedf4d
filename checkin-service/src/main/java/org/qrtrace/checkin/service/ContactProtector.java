package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;

import java.security.PublicKey;
import java.time.Duration;

/**
 * Turns a visitor's phone and name into what events may carry: the pseudonym (HMAC with the secret pepper) and the
 * contact sealed for the health authority. This service holds only the authority's public key, so it cannot read back
 * what it sealed.
 */
@ApplicationScoped
public class ContactProtector {

    /**
     * One key agreement serves at most this many contacts, for at most this long (see ContactSeal.Session). An hour
     * keeps the agreements an officer's query must redo few (tracing-service remembers each session's key): a 14-day
     * depth-2 query meets ~340 sessions per instance instead of one per contact. A shared ephemeral key only tells
     * that two contacts were sealed by the same instance in the same hour, which their check-in times tell anyway.
     * A million seals is far below AES-GCM's 2^32 limit for random nonces.
     */
    static final long SEALS_PER_KEY_AGREEMENT = 1_000_000;
    static final Duration KEY_AGREEMENT_LIFETIME = Duration.ofHours(1);

    private final Pseudonymiser pseudonymiser;
    private final ContactSeal.Session sealing;

    @Inject
    /** @param authorityKey {@code qrtrace.seal.public-key}: Base64 X.509 X25519 public key of the health authority */
    public ContactProtector(Pseudonymiser pseudonymiser,
                            @ConfigProperty(name = "qrtrace.seal.public-key") String authorityKey) {
        this.pseudonymiser = pseudonymiser;
        PublicKey authority = ContactSeal.publicKeyFromBase64(authorityKey);
        this.sealing = new ContactSeal.Session(authority, SEALS_PER_KEY_AGREEMENT, KEY_AGREEMENT_LIFETIME);
    }

    public String pseudonymOf(E164Phone phone) {
        return pseudonymiser.pseudonymOf(phone);
    }

    /** A dependant without a phone of their own is reached through the guardian's phone. */
    public String pseudonymOfDependant(E164Phone guardian, String name) {
        return pseudonymiser.pseudonymOfDependant(guardian, name);
    }

    public String seal(E164Phone phone, String name) {
        return new SealedContact(phone.value(), name).sealWith(sealing);
    }
}
