package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.domain.CheckoutCapability;
import org.qrtrace.common.crypto.AesGcm;
import org.qrtrace.common.crypto.Pseudonymiser;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.time.Instant;
import java.util.Arrays;
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
 *
 * <p>A link is a function of its visit: the GCM nonce is not random but synthetic, the first 12 bytes of
 * HMAC-SHA256(a second key from the pepper, check-in id ‖ plaintext), as in SIV. So the open-visit registry need not
 * keep a visit's link: a repeated scan or an idempotent retry is told the same link, minted again. A nonce repeats only
 * for the same check-in id and plaintext, which seals to the same box and reveals nothing but that it is the same
 * link; different contents get different nonces (a collision of 96-bit HMAC prefixes is as unlikely as one of random
 * nonces). Links made with random nonces before stay valid: {@link #open} does not care how a nonce was made.
 */
@ApplicationScoped
public class CheckoutLinks {

    private static final String PURPOSE = "qrtrace checkout link v1";
    private static final String NONCE_PURPOSE = "qrtrace checkout link nonce v1";
    private static final int NONCE = 12;
    private static final int PLAIN = 16 + 32 + 8;
    /** The provider of this thread's AES/GCM cipher, to get a new cipher without looking the provider up each time. */
    private static final Provider AES_GCM = AesGcm.cipher().getProvider();

    private final SecretKeySpec key;
    /** One keyed HMAC per thread for the nonces (doFinal leaves it reset and keyed for the next link). */
    private final ThreadLocal<Mac> nonces;

    @Inject
    public CheckoutLinks(Pseudonymiser pepper) {
        this.key = new SecretKeySpec(pepper.keyFor(PURPOSE), "AES");
        SecretKeySpec nonceKey = new SecretKeySpec(pepper.keyFor(NONCE_PURPOSE), "HmacSHA256");
        this.nonces = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(nonceKey);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** The link's secret: the same for the same capability, however often it is asked for. */
    public String secretFor(CheckoutCapability capability) {
        try {
            byte[] id = idBytes(capability.checkinId());
            byte[] plain = ByteBuffer.allocate(PLAIN)
                    .putLong(capability.venueId().getMostSignificantBits())
                    .putLong(capability.venueId().getLeastSignificantBits())
                    .put(HexFormat.of().parseHex(capability.pseudonym()))
                    .putLong(capability.autoCheckoutAt().getEpochSecond()).array();
            Mac mac = nonces.get();
            mac.update(id);
            byte[] nonce = Arrays.copyOf(mac.doFinal(plain), NONCE);
            // A new cipher, not AesGcm's per-thread one: the JDK refuses to encrypt twice in a row with one cipher under
            // the same key and nonce, which minting the same link twice on one thread does (safely: same plaintext).
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding", AES_GCM);
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            aes.updateAAD(id);
            byte[] sealed = aes.doFinal(plain);
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
