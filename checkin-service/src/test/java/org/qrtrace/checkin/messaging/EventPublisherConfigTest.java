package org.qrtrace.checkin.messaging;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.config.CheckinConfig;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer must be durable (acks=all, idempotent) and give up within a request's budget. */
class EventPublisherConfigTest {

    @Test
    void durableAndBoundedInTime() {
        CheckinConfig.Kafka kafka = new CheckinConfig.Kafka() {
            public Duration publishTimeout() {
                return Duration.ofMillis(2500);
            }

            public Duration answerWithin() {
                return Duration.ofMillis(800);
            }

            public Duration probeEvery() {
                return Duration.ofMillis(500);
            }

            public int retryAfterSeconds() {
                return 5;
            }

            public Duration linger() {
                return Duration.ofMillis(5);
            }

            public String compression() {
                return "lz4";
            }
        };
        Map<String, Object> p = EventPublisher.producerConfig("x:9092", kafka);
        assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        int delivery = (Integer) p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int request = (Integer) p.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        long linger = (Long) p.get(ProducerConfig.LINGER_MS_CONFIG);
        assertEquals(2500, delivery);
        assertTrue(delivery >= linger + request, "Kafka requires delivery.timeout >= linger + request.timeout");
        assertTrue((Long) p.get(ProducerConfig.MAX_BLOCK_MS_CONFIG) <= 1000);
        assertEquals("lz4", p.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        // the producer accepts the whole set (an unknown codec or a bad combination throws here); the serializers are
        // given to the producer's constructor, not in the map
        Map<String, Object> all = new java.util.HashMap<>(p);
        all.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
        all.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class);
        assertEquals("lz4", new ProducerConfig(all).getString(ProducerConfig.COMPRESSION_TYPE_CONFIG));
    }
}
