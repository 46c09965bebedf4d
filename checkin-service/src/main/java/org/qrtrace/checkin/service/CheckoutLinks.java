package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.domain.CheckoutCapability;
import org.qrtrace.common.crypto.AesGcm;
import org.qrtrace.common.crypto.Pseudonymiser;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The secret {@code k} of a check-out link, so that ending a visit needs no storage and survives restarts.
 *
 * <p>{@code CheckedOut} must carry the venue and the pseudonym, so an HMAC of the check-in id alone would force us to
 * remember every open visit. Instead {@code k} is an AES-256-GCM box of (venueId, pseudonym, autoCheckoutAt) with the
 * check-in id as associated data, under a key derived from the pepper (HMAC-SHA256(pepper, purpose label)). Only this
 * service can make or open it, it is bound to its check-in id (the GCM tag is the MAC), and the visitor cannot read the
 * pseudonym inside it.
 */
@ApplicationScoped
public class CheckoutLinks {

    private static final String PURPOSE = "qrtrace checkout link v1";
    private static final int NONCE = 12;
    private static final int PLAIN = 16 + 32 + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public CheckoutLinks(Pseudonymiser pepper) {
        this.key = new SecretKeySpec(pepper.keyFor(PURPOSE), "AES");
    }

    public String secretFor(CheckoutCapability capability) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            ByteBuffer plain = ByteBuffer.allocate(PLAIN)
                    .putLong(capability.venueId().getMostSignificantBits())
                    .putLong(capability.venueId().getLeastSignificantBits())
                    .put(HexFormat.of().parseHex(capability.pseudonym()))
                    .putLong(capability.autoCheckoutAt().getEpochSecond());
            Cipher aes = AesGcm.cipher();
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            aes.updateAAD(idBytes(capability.checkinId()));
            byte[] sealed = aes.doFinal(plain.array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a check-out link", e);
        }
    }

    /** The capability of a link, or empty when {@code secret} was not made by us for this check-in id. */
    public Optional<CheckoutCapability> open(UUID checkinId, String secret) {
        if (checkinId == null || secret == null || secret.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(secret);
            if (raw.length != NONCE + PLAIN + 16) {
                return Optional.empty();
            }
            Cipher aes = AesGcm.cipher();
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, NONCE));
            aes.updateAAD(idBytes(checkinId));
            ByteBuffer plain = ByteBuffer.wrap(aes.doFinal(raw, NONCE, raw.length - NONCE));
            UUID venue = new UUID(plain.getLong(), plain.getLong());
            byte[] pseudonym = new byte[32];
            plain.get(pseudonym);
            Instant autoCheckoutAt = Instant.ofEpochSecond(plain.getLong());
            return Optional.of(new CheckoutCapability(checkinId, venue, HexFormat.of().formatHex(pseudonym), autoCheckoutAt));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
