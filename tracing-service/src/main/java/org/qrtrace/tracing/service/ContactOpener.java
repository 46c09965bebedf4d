package org.qrtrace.tracing.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.tracing.config.SealConfig;

import java.security.PrivateKey;
import java.util.Optional;

/** Opens sealed contacts with the health authority's private key; callers decide whether the reader may see them. */
@ApplicationScoped
public class ContactOpener {

    @Inject
    SealConfig seal;

    @Inject
    MeterRegistry metrics;

    private PrivateKey key;

    @PostConstruct
    void init() {
        key = ContactSeal.privateKeyFromBase64(seal.privateKey());
    }

    /** Empty when there is nothing sealed or the blob cannot be opened with this key (counted, never logged). */
    public Optional<SealedContact> open(String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SealedContact.open(key, sealed));
        } catch (IllegalArgumentException e) {
            metrics.counter("tracing.contacts.unreadable").increment();
            return Optional.empty();
        }
    }
}
