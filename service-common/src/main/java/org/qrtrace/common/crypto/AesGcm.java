package org.qrtrace.common.crypto;

import javax.crypto.Cipher;
import java.security.GeneralSecurityException;

/**
 * AES/GCM/NoPadding cipher objects, one per thread: looking the transformation up among the providers cost more than
 * encrypting a contact (profiled at ~1,500 check-ins/s). Callers always {@code init} with a fresh nonce before use, as
 * GCM requires, so no state carries over from one use to the next.
 */
public final class AesGcm {

    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    });

    private AesGcm() {
    }

    /** This thread's cipher; {@code init} it before each use. */
    public static Cipher cipher() {
        return CIPHERS.get();
    }
}
