package org.qrtrace.common.crypto;

import org.qrtrace.common.phone.E164Phone;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * pseudonym = hex(HMAC-SHA256(pepper, E.164 phone)). Without the pepper a pseudonym cannot be turned back into a phone
 * by trying all numbers. checkin-service and tracing-service share the pepper (tracing computes the pseudonym of an
 * index case from the phone an officer types in). Each service reads the pepper one way: the {@link PepperProducer} bean.
 */
public final class Pseudonymiser {

    private static final int MIN_PEPPER_BYTES = 32;
    private final SecretKeySpec key;
    /** One keyed HMAC per thread: looking the algorithm up and keying it cost more than hashing a phone number. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Pseudonymiser(byte[] pepper) {
        if (pepper == null || pepper.length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("the pepper must be at least " + MIN_PEPPER_BYTES + " random bytes");
        }
        this.key = new SecretKeySpec(pepper.clone(), "HmacSHA256");
    }

    /** @param base64Pepper the pepper as configured (standard Base64) */
    public static Pseudonymiser fromBase64(String base64Pepper) {
        return new Pseudonymiser(Base64.getDecoder().decode(base64Pepper.strip()));
    }

    public String pseudonymOf(E164Phone phone) {
        return hmacHex(phone.value());
    }

    /** A pseudonym for a dependant without a phone: derived from the guardian's phone and the dependant's name. */
    public String pseudonymOfDependant(E164Phone guardian, String name) {
        return hmacHex(guardian.value() + "\u0000" + name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * A key for another purpose derived from the pepper: HMAC-SHA256(pepper, purpose), 32 bytes (e.g. checkin-service's
     * check-out links). Different purposes give independent keys; none reveals the pepper.
     */
    public byte[] keyFor(String purpose) {
        return macs.get().doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    }

    private String hmacHex(String input) {
        // doFinal leaves the Mac reset and keyed for the next input
        return HexFormat.of().formatHex(macs.get().doFinal(input.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
