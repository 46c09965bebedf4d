package org.qrtrace.tracing.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.SealedContact;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.PrivateKey;
import java.util.Optional;

/** Opens sealed contacts with the health authority's private key; callers decide whether the reader may see them. */
@ApplicationScoped
public class ContactOpener {

    private final MeterRegistry metrics;

    /**
     * Keys of sealing sessions remembered: checkin-service seals up to an hour of contacts per key agreement, so a
     * 14-day query meets at most a few hundred sessions per checkin-service instance.
     */
    static final int REMEMBERED_SESSION_KEYS = 20_000;

    private final ContactSeal.Opener opener;

    /** @param privateKey {@code qrtrace.seal.private-key} (env QRTRACE_SEAL_PRIVATE_KEY): Base64 PKCS#8 X25519 */
    ContactOpener(@ConfigProperty(name = "qrtrace.seal.private-key") String privateKey, MeterRegistry metrics) {
        PrivateKey key = ContactSeal.privateKeyFromBase64(privateKey);
        this.opener = new ContactSeal.Opener(key, REMEMBERED_SESSION_KEYS);
        this.metrics = metrics;
    }

    /** Empty when there is nothing sealed or the blob cannot be opened with this key (counted, never logged). */
    public Optional<SealedContact> open(String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SealedContact.open(opener, sealed));
        } catch (IllegalArgumentException e) {
            metrics.counter("tracing.contacts.unreadable").increment();
            return Optional.empty();
        }
    }
}
