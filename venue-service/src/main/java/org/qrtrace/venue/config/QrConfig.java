package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** QR tokens and their signing keys. Defaults are documented in the README. */
@ConfigMapping(prefix = "qrtrace.qr")
public interface QrConfig {
    /** Base64 of 32 random bytes: AES-256-GCM key that encrypts the QR signing keys at rest. Required. */
    String masterKey();

    /** How long a superseded token version stays valid after a rotation. */
    @WithDefault("PT24H")
    Duration rotationGrace();
}
