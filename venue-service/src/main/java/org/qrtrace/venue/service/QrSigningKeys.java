package org.qrtrace.venue.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.events.qr.QrKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qrtrace.venue.repository.QrKeyRepository;
import org.qrtrace.venue.repository.QrKeyRepository.StoredKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Ed25519 keys QR tokens are signed with: generated here, stored encrypted under the master key, one ACTIVE at a
 * time. Rotation retires the active key (it stays published, so every poster printed before keeps scanning) and
 * creates a new one that signs from then on.
 */
@ApplicationScoped
public class QrSigningKeys {

    private static final Logger LOG = Logger.getLogger(QrSigningKeys.class);
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** A key able to sign, with its id. */
    public record Signer(String kid, PrivateKey privateKey) {
    }

    /** A key as published at {@code /api/v1/qr-keys}. */
    public record PublishedKey(String kid, PublicKey publicKey, boolean active, Instant createdAt) {
    }

    private final QrKeyRepository keys;
    private final String masterKey;
    private final Clock clock;
    private final Map<String, PrivateKey> decrypted = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile MasterKeyCipher cipher;

    /** @param masterKey {@code qrtrace.qr.master-key} (env QRTRACE_QR_MASTER_KEY): Base64 of 32 random bytes */
    QrSigningKeys(QrKeyRepository keys, @ConfigProperty(name = "qrtrace.qr.master-key") String masterKey, Clock clock) {
        this.keys = keys;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent start) {
        cipher();
        if (keys.active().isEmpty() && keys.insertActiveIfNone(generate(clock.instant()))) {
            LOG.info("generated the first QR signing key");
        }
        // Fail at start, not at the first poster, when the master key cannot open the stored signing key.
        LOG.infof("QR signing key %s active", activeSigner().kid());
    }

    /** The active key (created if, unusually, none exists). */
    @Transactional
    public Signer activeSigner() {
        StoredKey active = keys.active().orElseGet(() -> {
            keys.insertActiveIfNone(generate(clock.instant()));
            return keys.active().orElseThrow();
        });
        return new Signer(active.kid(), decrypted.computeIfAbsent(active.kid(), kid -> decrypt(active)));
    }

    /** Retires the active key and activates a fresh one; returns the new key id. */
    @Transactional
    public String rotate() {
        Instant now = clock.instant();
        keys.retireActive(now);
        StoredKey next = generate(now);
        if (!keys.insertActiveIfNone(next)) {
            throw new IllegalStateException("another signing key became active concurrently");
        }
        LOG.infof("QR signing key rotated: new key %s", next.kid());
        return next.kid();
    }

    @Transactional
    public List<PublishedKey> published() {
        return keys.all().stream()
                .map(k -> new PublishedKey(k.kid(), publicKey(k.publicKey()), k.active(), k.createdAt()))
                .toList();
    }

    /** The public key of {@code kid}, or null (what {@code QrToken.verify} expects). */
    @Transactional
    public PublicKey publicKey(String kid) {
        return keys.find(kid).map(k -> publicKey(k.publicKey())).orElse(null);
    }

    private StoredKey generate(Instant now) {
        KeyPair pair = QrKeys.generate();
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String kid = "k" + KID_DATE.format(now) + "-" + HexFormat.of().formatHex(suffix);
        MasterKeyCipher.Sealed sealed = cipher().seal(pair.getPrivate().getEncoded(), kid);
        decrypted.put(kid, pair.getPrivate());
        return new StoredKey(kid, pair.getPublic().getEncoded(), sealed.nonce(), sealed.ciphertext(), "ACTIVE", now, null);
    }

    private PrivateKey decrypt(StoredKey key) {
        byte[] pkcs8 = cipher().open(new MasterKeyCipher.Sealed(key.nonce(), key.sealedPrivateKey()), key.kid());
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + key.kid() + " is not an Ed25519 key", e);
        }
    }

    private static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored public key is not an Ed25519 key", e);
        }
    }

    private MasterKeyCipher cipher() {
        if (cipher == null) {
            cipher = new MasterKeyCipher(masterKey);
        }
        return cipher;
    }
}
