package org.qrtrace.venue.messaging;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.qrtrace.common.kafka.KafkaPresets;
import org.qrtrace.venue.config.OutboxConfig;

import java.util.Map;

/**
 * Producer settings of the outbox relay: every event durable on all in-sync replicas ({@code acks=all}) and never
 * duplicated or reordered by the producer's own retries ({@code enable.idempotence}). The payload bytes are the
 * envelope already encoded by {@code EventCodec} when the row was written, so what Kafka carries is exactly what
 * was committed with the change.
 */
final class KafkaSettings {

    private KafkaSettings() {
    }

    static Map<String, Object> producer(String bootstrapServers, OutboxConfig outbox) {
        int timeoutMs = (int) outbox.sendTimeout().toMillis();
        Map<String, Object> p = KafkaPresets.durableProducer(bootstrapServers, "venue-service-outbox");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A send to an unreachable broker fails within the relay's wait instead of blocking the scheduler thread.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
