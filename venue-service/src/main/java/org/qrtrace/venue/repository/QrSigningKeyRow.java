package org.qrtrace.venue.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of table {@code qr_signing_key}: the private half arrives here already encrypted and leaves encrypted. */
@Entity
@Table(name = "qr_signing_key")
public class QrSigningKeyRow extends PanacheEntityBase {

    static final String ACTIVE = "ACTIVE";
    static final String RETIRED = "RETIRED";

    @Id
    @Column(name = "kid")
    public String kid;

    /** X.509 SubjectPublicKeyInfo. */
    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "private_key_nonce", nullable = false)
    public byte[] privateKeyNonce;

    /** AES-256-GCM ciphertext of the PKCS#8 encoding, under the master key with the key id as associated data. */
    @Column(name = "private_key_sealed", nullable = false)
    public byte[] privateKeySealed;

    /** {@value #ACTIVE} or {@value #RETIRED}. */
    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    QrKeyRepository.StoredKey toStoredKey() {
        return new QrKeyRepository.StoredKey(kid, publicKey, privateKeyNonce, privateKeySealed, status, createdAt,
                retiredAt);
    }
}
