package org.qrtrace.venue.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** QR signing keys; private halves arrive here already encrypted and leave encrypted. */
@ApplicationScoped
public class QrKeyRepository {

    /** A stored key. {@code sealedPrivateKey} is AES-GCM ciphertext of the PKCS#8 encoding. */
    public record StoredKey(String kid, byte[] publicKey, byte[] nonce, byte[] sealedPrivateKey, String status,
                            Instant createdAt, Instant retiredAt) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    public Optional<StoredKey> active() {
        List<StoredKey> keys = query(" WHERE status = 'ACTIVE'");
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    public Optional<StoredKey> find(String kid) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + " WHERE kid = ?")) {
            s.setString(1, kid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    /** Every key, newest first. */
    public List<StoredKey> all() {
        return query(" ORDER BY created_at DESC, kid");
    }

    /**
     * Inserts a new ACTIVE key unless one exists (the partial unique index decides between racing instances).
     *
     * @return true when this key became the active one
     */
    public boolean insertActiveIfNone(StoredKey key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO qr_signing_key (kid, public_key, private_key_nonce, "
                     + "private_key_sealed, status, created_at) VALUES (?,?,?,?,'ACTIVE',?) "
                     + "ON CONFLICT (status) WHERE status = 'ACTIVE' DO NOTHING")) {
            s.setString(1, key.kid());
            s.setBytes(2, key.publicKey());
            s.setBytes(3, key.nonce());
            s.setBytes(4, key.sealedPrivateKey());
            s.setTimestamp(5, Timestamp.from(key.createdAt()));
            return s.executeUpdate() == 1;
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    /** Retires the active key (call in the same transaction as inserting its successor). */
    public void retireActive(Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE qr_signing_key SET status = 'RETIRED', retired_at = ? "
                     + "WHERE status = 'ACTIVE'")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    private static final String SELECT = "SELECT kid, public_key, private_key_nonce, private_key_sealed, status, "
            + "created_at, retired_at FROM qr_signing_key";

    private List<StoredKey> query(String suffix) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + suffix);
             ResultSet rs = s.executeQuery()) {
            List<StoredKey> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    private static StoredKey row(ResultSet rs) throws SQLException {
        Timestamp retired = rs.getTimestamp(7);
        return new StoredKey(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), retired == null ? null : retired.toInstant());
    }
}
