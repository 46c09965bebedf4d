package org.qrtrace.venue.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MasterKeyCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void roundTripsAndBindsTheKeyId() {
        MasterKeyCipher cipher = new MasterKeyCipher(KEY);
        byte[] secret = "pkcs8 bytes".getBytes(StandardCharsets.UTF_8);
        MasterKeyCipher.Sealed sealed = cipher.seal(secret, "k1");
        assertArrayEquals(secret, cipher.open(sealed, "k1"));
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "k2"));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.open(new MasterKeyCipher.Sealed(sealed.nonce(), tampered), "k1"));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(IllegalStateException.class,
                () -> new MasterKeyCipher(Base64.getEncoder().encodeToString(otherKey)).open(sealed, "k1"));
    }

    @Test
    void rejectsKeysOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> new MasterKeyCipher(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> new MasterKeyCipher("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> new MasterKeyCipher(null));
    }
}
