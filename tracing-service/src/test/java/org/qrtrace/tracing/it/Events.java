package org.qrtrace.tracing.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.qrtrace.common.crypto.ContactSeal;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.deploy.DevSecrets;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.testing.TestTokens;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.kafka.EventSerializer;

import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Produces real events to the test broker the way venue-service and checkin-service do (plain kafka-clients). */
final class Events implements AutoCloseable {

    private final KafkaProducer<String, EventEnvelope> producer;
    private final KafkaProducer<String, byte[]> raw;
    private final PublicKey sealKey;
    private final Pseudonymiser pseudonymiser;

    Events() {
        String bootstrap = TestInfrastructure.get().bootstrapServers();
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new EventSerializer());
        raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        // Sealing is checkin-service's half: the public key comes from the secrets file, tracing-service is not given it.
        DevSecrets secrets = TestTokens.secrets();
        sealKey = ContactSeal.publicKeyFromBase64(secrets.get("QRTRACE_SEAL_PUBLIC_KEY"));
        pseudonymiser = Pseudonymiser.fromBase64(secrets.get("QRTRACE_PEPPER"));
    }

    String pseudonymOf(String phone) {
        return pseudonymiser.pseudonymOf(E164Phone.parse(phone));
    }

    static String randomPseudonym() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String seal(String phone, String name) {
        return new SealedContact(phone, name).sealFor(sealKey);
    }

    EventEnvelope venue(UUID venueId, String name, String adminUnitCode, Instant registeredAt) {
        return EventEnvelope.of(UUID.randomUUID(), registeredAt, "test",
                new VenueRegistered(venueId, name, "RESTAURANT", adminUnitCode, "1 Test St", 50, null, 1, List.of()));
    }

    static EventEnvelope closed(UUID venueId, Instant at) {
        return EventEnvelope.of(UUID.randomUUID(), at, "test", new VenueClosed(venueId, at, "test closure"));
    }

    static EventEnvelope checkIn(UUID checkinId, UUID venueId, String pseudonym, String sealed, Instant in, Instant autoOut,
                                 List<CheckedIn.Dependant> dependants) {
        return EventEnvelope.of(UUID.randomUUID(), in, "test", new CheckedIn(checkinId, venueId, null, pseudonym, sealed, in,
                autoOut, CheckedIn.Source.WEB, null, false, null, dependants));
    }

    static EventEnvelope checkOut(UUID checkinId, UUID venueId, String pseudonym, Instant out) {
        return EventEnvelope.of(UUID.randomUUID(), out, "test",
                new CheckedOut(checkinId, venueId, pseudonym, out, CheckedOut.Source.VISITOR));
    }

    void send(EventEnvelope... events) {
        try {
            for (EventEnvelope e : events) {
                producer.send(new ProducerRecord<>(e.topic(), e.key(), e)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    void sendRaw(String topic, String key, byte[] value) {
        try {
            raw.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}
