package org.qrtrace.common.crypto;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals a visitor's contact for the health authority, HPKE-style: an ephemeral X25519 key agreement with the
 * authority's public key, HKDF-SHA256, then AES-256-GCM. checkin-service holds only the public key, so it cannot read
 * back what it sealed; tracing-service holds the private key and opens contacts only for authorised officers.
 *
 * <p>Wire format (Base64 URL-safe, no padding): {@code 0x01 | len(epk) | epk (X.509) | nonce (12) | ciphertext+tag}.
 */
public final class ContactSeal {

    private static final byte VERSION = 1;
    private static final byte[] INFO = "qrtrace contact seal v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContactSeal() {
    }

    public static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 unavailable", e);
        }
    }

    public static PublicKey publicKeyFromBase64(String base64) {
        try {
            return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X25519 public key (Base64 X.509)", e);
        }
    }

    public static PrivateKey privateKeyFromBase64(String base64) {
        try {
            return KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an X25519 private key (Base64 PKCS#8)", e);
        }
    }

    public static String seal(PublicKey recipient, byte[] plaintext) {
        KeyPair ephemeral = generateKeyPair();
        byte[] epk = ephemeral.getPublic().getEncoded();
        try {
            return seal(epk, deriveKey(ephemeral.getPrivate(), recipient, epk), plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * Seals many contacts for one recipient cheaply: the ephemeral key agreement (the costly part, ~0.5 ms in the JDK)
     * is done once per session and reused with a fresh random nonce per contact, until {@code maxUses} seals or
     * {@code maxAge} have passed. The blobs are in the same format and open with {@link #open}. Reuse is far below
     * AES-GCM's limit for random nonces (2^32 messages per key); contacts sealed in one session share an ephemeral
     * key, which only tells that they were sealed by the same instance within {@code maxAge}.
     */
    public static final class Session {
        private final PublicKey recipient;
        private final long maxUses;
        private final long maxAgeNanos;
        private volatile State state;

        private record State(byte[] epk, byte[] key, long createdNanos, java.util.concurrent.atomic.AtomicLong uses) {
        }

        public Session(PublicKey recipient, long maxUses, java.time.Duration maxAge) {
            this.recipient = recipient;
            this.maxUses = maxUses;
            this.maxAgeNanos = maxAge.toNanos();
        }

        public String seal(byte[] plaintext) {
            State current = state;
            if (current == null || current.uses().incrementAndGet() > maxUses
                    || System.nanoTime() - current.createdNanos() > maxAgeNanos) {
                current = renew();
            }
            try {
                return ContactSeal.seal(current.epk(), current.key(), plaintext);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealing failed", e);
            }
        }

        private synchronized State renew() {
            State current = state;
            if (current != null && current.uses().get() < maxUses && System.nanoTime() - current.createdNanos() <= maxAgeNanos) {
                current.uses().incrementAndGet();
                return current;
            }
            KeyPair ephemeral = generateKeyPair();
            byte[] epk = ephemeral.getPublic().getEncoded();
            try {
                current = new State(epk, deriveKey(ephemeral.getPrivate(), recipient, epk), System.nanoTime(),
                        new java.util.concurrent.atomic.AtomicLong(1));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealing failed", e);
            }
            state = current;
            return current;
        }
    }

    private static String seal(byte[] epk, byte[] key, byte[] plaintext) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        Cipher aes = AesGcm.cipher();
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(epk);
        byte[] ciphertext = aes.doFinal(plaintext);
        ByteBuffer out = ByteBuffer.allocate(2 + epk.length + NONCE_BYTES + ciphertext.length);
        out.put(VERSION).put((byte) epk.length).put(epk).put(nonce).put(ciphertext);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** @throws IllegalArgumentException when the blob is malformed or was not sealed for this key */
    public static byte[] open(PrivateKey recipient, String sealed) {
        try {
            Blob blob = Blob.parse(sealed);
            return blob.decrypt(deriveKey(recipient, blob.ephemeralKey(), blob.epk()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("cannot open sealed contact", e);
        }
    }

    /**
     * Opens many contacts cheaply: the key derived for an ephemeral public key is remembered (bounded, least recently
     * used first out), so contacts sealed in one {@link Session} cost one key agreement together (~170 us in the JDK
     * here) and then only an AES-GCM decryption each. The remembered keys are as sensitive as the private key that
     * derived them and never leave this object. Thread-safe.
     */
    public static final class Opener {
        private final PrivateKey recipient;
        private final java.util.Map<ByteBuffer, byte[]> keys;

        public Opener(PrivateKey recipient, int rememberedKeys) {
            this.recipient = recipient;
            this.keys = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<ByteBuffer, byte[]> eldest) {
                    return size() > rememberedKeys;
                }
            });
        }

        /** @throws IllegalArgumentException when the blob is malformed or was not sealed for this key */
        public byte[] open(String sealed) {
            try {
                Blob blob = Blob.parse(sealed);
                ByteBuffer id = ByteBuffer.wrap(blob.epk());
                byte[] key = keys.get(id);
                if (key == null) {
                    key = deriveKey(recipient, blob.ephemeralKey(), blob.epk());
                    byte[] plaintext = blob.decrypt(key); // remember only a key that opened something
                    keys.put(id, key);
                    return plaintext;
                }
                return blob.decrypt(key);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalArgumentException("cannot open sealed contact", e);
            }
        }

        /** How many session keys are remembered now (for metrics and tests). */
        public int rememberedKeys() {
            return keys.size();
        }
    }

    /** A sealed blob taken apart: version, ephemeral public key (X.509), nonce, ciphertext with tag. */
    private record Blob(byte[] epk, byte[] nonce, byte[] ciphertext) {

        static Blob parse(String sealed) {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(sealed));
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown seal version");
            }
            byte[] epk = new byte[in.get() & 0xff];
            in.get(epk);
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);
            return new Blob(epk, nonce, ciphertext);
        }

        PublicKey ephemeralKey() throws GeneralSecurityException {
            return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(epk));
        }

        byte[] decrypt(byte[] key) throws GeneralSecurityException {
            Cipher aes = AesGcm.cipher();
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            aes.updateAAD(epk);
            return aes.doFinal(ciphertext);
        }
    }

    private static byte[] deriveKey(PrivateKey own, PublicKey other, byte[] epk) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(own);
        agreement.doPhase(other, true);
        byte[] shared = agreement.generateSecret();
        // HKDF-SHA256 (RFC 5869) with the ephemeral key as salt; one block of output is the AES-256 key.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(epk, "HmacSHA256"));
        byte[] prk = mac.doFinal(shared);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(INFO);
        mac.update((byte) 1);
        byte[] okm = mac.doFinal();
        Arrays.fill(shared, (byte) 0);
        return okm;
    }
}
