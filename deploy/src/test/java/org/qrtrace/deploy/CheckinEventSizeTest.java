package org.qrtrace.deploy;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures what one check-in costs on the wire and on a broker's disk, for docs/capacity-plan.md: realistic
 * {@link CheckedIn} events encoded with {@link EventCodec} (pseudonym = 64 hex characters, the contact sealed by
 * service-common's {@link ContactSeal} itself, so the measure follows its format), then batches of them in Kafka's
 * record format, uncompressed and compressed.
 * Prints the figures; asserts only the range the capacity plan relies on.
 */
class CheckinEventSizeTest {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void measuresCheckinEventSizes() {
        KeyPair authority = ContactSeal.generateKeyPair();
        UUID venue = UUID.randomUUID();

        Map<String, Integer> single = new LinkedHashMap<>();
        single.put("CheckedIn, web form, empty declaration", encode(webCheckin(authority.getPublic(), venue, false)).length);
        single.put("CheckedIn, web form, declaration + 1 dependant", encode(webCheckin(authority.getPublic(), venue, true)).length);
        single.put("CheckedIn, gate scan, no declaration", encode(gateCheckin(authority.getPublic(), venue)).length);
        single.put("CheckedOut", encode(EventEnvelope.of(UUID.randomUUID(), NOW, "checkin-service",
                new CheckedOut(UUID.randomUUID(), venue, pseudonym(), NOW.plus(Duration.ofMinutes(42)), CheckedOut.Source.VISITOR))).length);
        single.forEach((what, bytes) -> System.out.printf("event size  %-48s %4d bytes%n", what, bytes));

        // A producer batch as the broker stores it (key = venue id). 500 check-ins at 20 venues, each distinct.
        List<SimpleRecord> records = new ArrayList<>();
        List<UUID> venues = new ArrayList<>();
        for (int i = 0; i < 20; i++) venues.add(UUID.randomUUID());
        for (int i = 0; i < 500; i++) {
            UUID v = venues.get(i % venues.size());
            records.add(new SimpleRecord(NOW.toEpochMilli(), v.toString().getBytes(StandardCharsets.UTF_8),
                    encode(webCheckin(authority.getPublic(), v, i % 10 == 0))));
        }
        SimpleRecord[] batch = records.toArray(SimpleRecord[]::new);
        Map<String, Double> perRecord = new LinkedHashMap<>();
        perRecord.put("none, 500-record batch", MemoryRecords.withRecords(Compression.NONE, batch).sizeInBytes() / 500.0);
        // gzip and zstd: the codecs whose libraries are on this class path (lz4-java is not)
        perRecord.put("gzip, 500-record batch", MemoryRecords.withRecords(Compression.of(CompressionType.GZIP).build(), batch).sizeInBytes() / 500.0);
        perRecord.put("zstd, 500-record batch", MemoryRecords.withRecords(Compression.of(CompressionType.ZSTD).build(), batch).sizeInBytes() / 500.0);
        // At ~100 check-ins/s per partition and a few ms of linger, most producer batches hold one record.
        perRecord.put("none, 1-record batches", (double) MemoryRecords.withRecords(Compression.NONE, batch[1]).sizeInBytes());
        perRecord.put("zstd, 1-record batches", (double) MemoryRecords.withRecords(Compression.of(CompressionType.ZSTD).build(), batch[1]).sizeInBytes());
        perRecord.forEach((codec, bytes) -> System.out.printf("log bytes per check-in (record batch format), compression %-24s %6.1f%n", codec, bytes));

        int typical = single.get("CheckedIn, web form, empty declaration");
        assertTrue(typical >= 500 && typical <= 900, "capacity plan assumes 0.5-0.9 kB per check-in, measured " + typical);
        assertTrue(perRecord.get("zstd, 500-record batch") < perRecord.get("none, 500-record batch"), "compression helps at all");
    }

    static byte[] encode(EventEnvelope envelope) {
        return EventCodec.encode(envelope);
    }

    static EventEnvelope webCheckin(PublicKey authority, UUID venue, boolean withDeclarationAndDependant) {
        CheckedIn.Declaration declaration = withDeclarationAndDependant
                ? new CheckedIn.Declaration(List.of("fever", "cough"), "Hà Nội", false)
                : new CheckedIn.Declaration(List.of(), null, false);
        List<CheckedIn.Dependant> dependants = withDeclarationAndDependant
                ? List.of(new CheckedIn.Dependant(pseudonym(), seal(authority, "+84912345678", "Nguyễn Thị Bích")))
                : List.of();
        return EventEnvelope.of(UUID.randomUUID(), NOW, "checkin-service", new CheckedIn(UUID.randomUUID(), venue,
                UUID.randomUUID(), pseudonym(), seal(authority, "+84912345678", "Nguyễn Văn An"), NOW,
                NOW.plus(Duration.ofHours(1)), CheckedIn.Source.WEB, null, false, declaration, dependants));
    }

    static EventEnvelope gateCheckin(PublicKey authority, UUID venue) {
        return EventEnvelope.of(UUID.randomUUID(), NOW, "checkin-service", new CheckedIn(UUID.randomUUID(), venue,
                UUID.randomUUID(), pseudonym(), seal(authority, "+84912345678", null), NOW.minusSeconds(90),
                NOW.plus(Duration.ofHours(9)), CheckedIn.Source.GATE, "gate-7", false, null, List.of()));
    }

    /** HMAC-SHA256 output in hex, as the services' Pseudonymiser writes it. */
    static String pseudonym() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** As checkin-service's ContactProtector seals a contact (one key agreement per seal here; the length is the same). */
    static String seal(PublicKey recipient, String phone, String name) {
        return new SealedContact(phone, name).sealFor(recipient);
    }
}
