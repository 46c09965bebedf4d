package org.qrtrace.tracing.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The health authority's contact-sealing keys ({@code qrtrace.seal.*}, env QRTRACE_SEAL_PRIVATE_KEY / _PUBLIC_KEY). */
@ConfigMapping(prefix = "qrtrace.seal")
public interface SealConfig {

    /** Base64 PKCS#8 X25519 private key; opens sealed contacts for health officers. Required. */
    String privateKey();

    /** The matching public key (used by checkin-service; accepted here so one secrets file serves all services). */
    Optional<String> publicKey();
}
