package org.qrtrace.venue.repository;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** QR signing keys ({@link QrSigningKeyRow}); private halves arrive here already encrypted and leave encrypted. */
@ApplicationScoped
public class QrKeyRepository {

    /** A stored key. {@code sealedPrivateKey} is AES-GCM ciphertext of the PKCS#8 encoding. */
    public record StoredKey(String kid, byte[] publicKey, byte[] nonce, byte[] sealedPrivateKey, String status,
                            Instant createdAt, Instant retiredAt) {
        public boolean active() {
            return QrSigningKeyRow.ACTIVE.equals(status);
        }
    }

    private final DatabaseFailures failures;

    QrKeyRepository(DatabaseFailures failures) {
        this.failures = failures;
    }

    public Optional<StoredKey> active() {
        return failures.call("read the active signing key", () -> QrSigningKeyRow
                .<QrSigningKeyRow>find("status", QrSigningKeyRow.ACTIVE).firstResultOptional()
                .map(QrSigningKeyRow::toStoredKey));
    }

    public Optional<StoredKey> find(String kid) {
        return failures.call("read a signing key", () -> QrSigningKeyRow.<QrSigningKeyRow>findByIdOptional(kid)
                .map(QrSigningKeyRow::toStoredKey));
    }

    /** Every key, newest first. */
    public List<StoredKey> all() {
        return failures.call("read the signing keys", () -> QrSigningKeyRow.<QrSigningKeyRow>listAll(
                Sort.descending("createdAt").and("kid")).stream().map(QrSigningKeyRow::toStoredKey).toList());
    }

    /**
     * Inserts a new ACTIVE key unless one exists. The partial unique index on the status decides between racing
     * instances, and {@code on conflict do nothing} lets the loser carry on in its transaction (a refused plain insert
     * would abort it).
     *
     * @return true when this key became the active one
     */
    public boolean insertActiveIfNone(StoredKey key) {
        return failures.call("store a signing key", () -> QrSigningKeyRow.getEntityManager().createQuery("""
                        insert into QrSigningKeyRow (kid, publicKey, privateKeyNonce, privateKeySealed, status, createdAt)
                        values (:kid, :publicKey, :nonce, :sealed, :status, :createdAt)
                        on conflict do nothing""")
                .setParameter("kid", key.kid())
                .setParameter("publicKey", key.publicKey())
                .setParameter("nonce", key.nonce())
                .setParameter("sealed", key.sealedPrivateKey())
                .setParameter("status", QrSigningKeyRow.ACTIVE)
                .setParameter("createdAt", key.createdAt())
                .executeUpdate() == 1);
    }

    /** Retires the active key (call in the same transaction as inserting its successor). */
    public void retireActive(Instant at) {
        failures.run("retire the active signing key", () -> QrSigningKeyRow.update(
                "status = ?1, retiredAt = ?2 where status = ?3", QrSigningKeyRow.RETIRED, at, QrSigningKeyRow.ACTIVE));
    }
}
