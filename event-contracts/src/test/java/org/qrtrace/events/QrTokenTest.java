package org.qrtrace.events;

import org.junit.jupiter.api.Test;
import org.qrtrace.events.qr.QrKeys;
import org.qrtrace.events.qr.QrToken;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrTokenTest {

    final KeyPair key = QrKeys.generate();
    final KeyPair other = QrKeys.generate();
    final QrToken token = new QrToken("k2026a", UUID.randomUUID(), UUID.randomUUID(), 3, Instant.parse("2026-11-23T08:00:00Z"));

    @Test
    void signedTokenVerifiesAndRoundTrips() {
        String signed = token.sign(key.getPrivate());
        assertTrue(signed.matches("[A-Za-z0-9_-]+"), signed);
        assertTrue(signed.length() < 200, "compact: " + signed.length());
        assertEquals(token, QrToken.verify(signed, Map.of("k2026a", key.getPublic())::get));
    }

    @Test
    void venueLevelTokenHasNoEntrance() {
        QrToken venueOnly = new QrToken("k", UUID.randomUUID(), null, 1, Instant.now());
        assertEquals(venueOnly, QrToken.verify(venueOnly.sign(key.getPrivate()), kid -> key.getPublic()));
    }

    @Test
    void publishedKeyFormRoundTrips() {
        String x = QrKeys.toJwkX(key.getPublic());
        assertEquals(43, x.length());
        assertEquals(key.getPublic(), QrKeys.fromJwkX(x));
    }

    @Test
    void forgedAlteredUnknownAndGarbageAreRejected() {
        String signed = token.sign(key.getPrivate());
        assertFailure(QrToken.Failure.BAD_SIGNATURE, token.sign(other.getPrivate()), "k2026a");
        byte[] raw = Base64.getUrlDecoder().decode(signed);
        raw[20] ^= 1; // flip a bit of the venue id
        assertFailure(QrToken.Failure.BAD_SIGNATURE, Base64.getUrlEncoder().withoutPadding().encodeToString(raw), "k2026a");
        assertFailure(QrToken.Failure.UNKNOWN_KEY, signed, "another-kid");
        assertFailure(QrToken.Failure.MALFORMED, "not a token!", "k2026a");
        assertFailure(QrToken.Failure.MALFORMED, signed.substring(0, 40), "k2026a");
        assertFailure(QrToken.Failure.MALFORMED, "A".repeat(400), "k2026a");
        assertFailure(QrToken.Failure.MALFORMED, "", "k2026a");
    }

    @Test
    void keyIdIsReadWithoutVerifyingAndGarbageHasNone() {
        assertEquals(java.util.Optional.of("k2026a"), QrToken.keyIdOf(token.sign(key.getPrivate())));
        assertEquals(java.util.Optional.of("k2026a"), QrToken.keyIdOf(token.sign(other.getPrivate())), "forged: same kid, no check");
        for (String garbage : new String[] {null, "", "not a token!", "AQ", "AQo", "A".repeat(400)}) {
            assertEquals(java.util.Optional.empty(), QrToken.keyIdOf(garbage), String.valueOf(garbage));
        }
    }

    private void assertFailure(QrToken.Failure expected, String candidate, String knownKid) {
        QrToken.InvalidQrTokenException e = assertThrows(QrToken.InvalidQrTokenException.class,
                () -> QrToken.verify(candidate, kid -> kid.equals(knownKid) ? key.getPublic() : null));
        assertEquals(expected, e.failure(), e.getMessage());
    }
}
