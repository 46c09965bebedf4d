package org.qrtrace.common.crypto;

import java.util.Objects;

/**
 * A person's pseudonym, hex(HMAC-SHA256(pepper, E.164 phone)) as {@link Pseudonymiser} makes it: 64 lower-case hex
 * digits. The type a pseudonym has where it crosses layers (request, service, repository); events carry its
 * {@link #hex()} form, and the exposure tracer keys its maps by that string.
 */
public record Pseudonym(String hex) {

    public Pseudonym {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a pseudonym is 64 lower-case hex digits");
        }
    }

    public static Pseudonym of(String hex) {
        return new Pseudonym(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
