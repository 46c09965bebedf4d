package org.qrtrace.venue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * QR tokens and their signing keys. Defaults are documented in the README. The master key that encrypts the signing
 * keys at rest is a secret, read where it is used ({@code qrtrace.qr.master-key}, QrSigningKeys).
 */
@ConfigMapping(prefix = "qrtrace.venue.qr")
public interface QrConfig {

    /** How long a superseded token version stays valid after a rotation. */
    @WithDefault("PT24H")
    Duration rotationGrace();
}
