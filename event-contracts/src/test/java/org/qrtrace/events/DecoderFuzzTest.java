package org.qrtrace.events;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.qrtrace.events.qr.QrKeys;
import org.qrtrace.events.qr.QrToken;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Fuzzing of the two decoders that read untrusted input: the QR token (from any phone) and event records (from the
 * broker). Whatever the input, they answer with their own exception and a reason, never anything else.
 */
class DecoderFuzzTest {

    static final KeyPair KEY = QrKeys.generate();
    static final String VALID = new QrToken("k1", UUID.randomUUID(), UUID.randomUUID(), 7, Instant.now()).sign(KEY.getPrivate());

    @Property(tries = 2000)
    void arbitraryStringsAreRejectedCleanlyByTheTokenDecoder(@ForAll @Size(max = 400) String token) {
        try {
            assertNotNull(QrToken.verify(token, kid -> KEY.getPublic()));
        } catch (QrToken.InvalidQrTokenException e) {
            assertNotNull(e.failure());
        }
    }

    @Property(tries = 2000)
    void mutatedTokensNeverVerify(@ForAll("mutations") byte[] mutated) {
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(mutated);
        try {
            QrToken parsed = QrToken.verify(candidate, kid -> KEY.getPublic());
            // Only the untouched token may verify.
            assertEquals(VALID, candidate, "a mutated token verified: " + parsed);
        } catch (QrToken.InvalidQrTokenException expected) {
            assertNotNull(expected.failure());
        }
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] original = Base64.getUrlDecoder().decode(VALID);
        return Arbitraries.integers().between(0, original.length - 1).flatMap(position ->
                Arbitraries.integers().between(1, 255).map(flip -> {
                    byte[] copy = original.clone();
                    copy[position] ^= flip.byteValue();
                    return copy;
                }));
    }

    @Property(tries = 2000)
    void arbitraryBytesAreRejectedCleanlyByTheEventDecoder(@ForAll byte[] record) {
        try {
            assertNotNull(EventCodec.decode(record).eventId());
        } catch (EventDecodingException e) {
            assertNotNull(e.getMessage());
        }
    }

    @Property(tries = 1000)
    void jsonLikeGarbageIsRejectedCleanly(@ForAll("jsonish") String record) {
        try {
            EventCodec.decode(record.getBytes(StandardCharsets.UTF_8));
        } catch (EventDecodingException e) {
            assertNotNull(e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> values = Arbitraries.of("null", "1", "-1e999", "\"x\"", "[]", "{}", "true", "\"2026-11-23T08:00:00Z\"",
                "\"" + UUID.randomUUID() + "\"", "{\"venueId\":\"" + UUID.randomUUID() + "\"}", "[[[[[[[[]]]]]]]]");
        Arbitrary<String> fields = Arbitraries.of("eventId", "type", "schemaVersion", "occurredAt", "producer", "payload",
                "venueId", "checkinId", "pseudonym", "entrances");
        Arbitrary<String> types = Arbitraries.of(EventType.values()).map(t -> "\"" + t.wireName() + "\"");
        return Arbitraries.oneOf(values, types).list().ofMaxSize(8).flatMap(vs ->
                fields.list().ofSize(vs.size()).map(fs -> {
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < vs.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        sb.append('"').append(fs.get(i)).append("\":").append(vs.get(i));
                    }
                    return sb.append('}').toString();
                }));
    }
}
