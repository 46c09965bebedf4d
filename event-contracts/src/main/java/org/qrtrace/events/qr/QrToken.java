package org.qrtrace.events.qr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The signed token inside a venue's QR code ({@code {publicBaseUrl}/c/{token}}): the one copy of its format, used by
 * venue-service to issue and by checkin-service (and gate devices) to verify offline.
 *
 * <p>Binary, then Base64 URL-safe without padding, so the QR stays small enough to scan from a metre away:
 * <pre>
 *   0x01 format | kid length (1) | kid (ASCII) | venueId (16) | flags (1; bit 0 = has entrance) | [entranceId (16)]
 *   | tokenVersion (4) | issuedAt epoch seconds (8) | Ed25519 signature over all preceding bytes (64)
 * </pre>
 * What the signature proves is that venue-service issued it; whether this version is still current, superseded
 * (after its grace period) or revoked is the verifier's rule, from the venue events.
 */
public record QrToken(String keyId, UUID venueId, UUID entranceId, int version, Instant issuedAt) {

    private static final byte FORMAT = 1;
    private static final int SIGNATURE_BYTES = 64;
    /** Longest token accepted before any parsing: rejects oversized input cheaply. */
    public static final int MAX_LENGTH = 256;

    public QrToken {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (keyId.isEmpty() || keyId.length() > 32 || !keyId.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("keyId must be 1-32 printable ASCII characters");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
    }

    /** Why a token was refused. */
    public enum Failure { MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE }

    /** A token that is not a genuine, intact token of ours. */
    public static final class InvalidQrTokenException extends RuntimeException {
        private final Failure failure;

        public InvalidQrTokenException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** Signs with the Ed25519 private key named by {@link #keyId()}. */
    public String sign(PrivateKey signingKey) {
        byte[] body = body();
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingKey);
            signer.update(body);
            byte[] signature = signer.sign();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(body.length + signature.length).put(body).put(signature).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign QR token", e);
        }
    }

    /**
     * The key id a token names, read without checking anything else (e.g. to see whether its key is at hand before
     * verifying); empty when the token is not of this format.
     */
    public static Optional<String> keyIdOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            if (raw.length < 2 || raw[0] != FORMAT || raw.length < 2 + (raw[1] & 0xff)) {
                return Optional.empty();
            }
            return Optional.of(new String(raw, 2, raw[1] & 0xff, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses and checks the signature.
     *
     * @param publicKeys the verification key for a key id, or null when the key id is unknown
     * @throws InvalidQrTokenException when malformed, signed by an unknown key, or altered
     */
    public static QrToken verify(String token, Function<String, PublicKey> publicKeys) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new InvalidQrTokenException(Failure.MALFORMED, "the code is not a check-in code of this system");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidQrTokenException(Failure.MALFORMED, "the code is not a check-in code of this system");
        }
        QrToken parsed;
        int bodyLength;
        try {
            ByteBuffer in = ByteBuffer.wrap(raw);
            if (in.get() != FORMAT) {
                throw new InvalidQrTokenException(Failure.MALFORMED, "unknown token format");
            }
            byte[] kid = new byte[in.get() & 0xff];
            in.get(kid);
            UUID venue = new UUID(in.getLong(), in.getLong());
            byte flags = in.get();
            UUID entrance = (flags & 1) != 0 ? new UUID(in.getLong(), in.getLong()) : null;
            int version = in.getInt();
            long issued = in.getLong();
            bodyLength = in.position();
            if (in.remaining() != SIGNATURE_BYTES) {
                throw new InvalidQrTokenException(Failure.MALFORMED, "the code is damaged or incomplete");
            }
            parsed = new QrToken(new String(kid, StandardCharsets.US_ASCII), venue, entrance, version,
                    Instant.ofEpochSecond(issued));
        } catch (InvalidQrTokenException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidQrTokenException(Failure.MALFORMED, "the code is damaged or incomplete");
        }
        PublicKey key = publicKeys.apply(parsed.keyId());
        if (key == null) {
            throw new InvalidQrTokenException(Failure.UNKNOWN_KEY, "the code was signed by a key this system does not know");
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(raw, 0, bodyLength);
            if (!verifier.verify(raw, bodyLength, SIGNATURE_BYTES)) {
                throw new InvalidQrTokenException(Failure.BAD_SIGNATURE, "the code has been altered or forged");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidQrTokenException(Failure.BAD_SIGNATURE, "the code has been altered or forged");
        }
        return parsed;
    }

    private byte[] body() {
        byte[] kid = keyId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(1 + 1 + kid.length + 16 + 1 + (entranceId != null ? 16 : 0) + 4 + 8);
        out.put(FORMAT).put((byte) kid.length).put(kid)
                .putLong(venueId.getMostSignificantBits()).putLong(venueId.getLeastSignificantBits())
                .put((byte) (entranceId != null ? 1 : 0));
        if (entranceId != null) {
            out.putLong(entranceId.getMostSignificantBits()).putLong(entranceId.getLeastSignificantBits());
        }
        out.putInt(version).putLong(issuedAt.getEpochSecond());
        return out.array();
    }
}
