package org.qrtrace.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pepper, read one way: {@code qrtrace.pepper} (env {@code QRTRACE_PEPPER}; Base64 of at least 32 random bytes,
 * shared by checkin-service and tracing-service) becomes the one {@link Pseudonymiser} of a service. Services inject
 * the pseudonymiser, never the pepper; a service that injects nothing of it needs no pepper.
 */
@ApplicationScoped
public class PepperProducer {

    @Produces
    @Singleton
    Pseudonymiser pseudonymiser(@ConfigProperty(name = "qrtrace.pepper") String pepper) {
        return Pseudonymiser.fromBase64(pepper);
    }
}
