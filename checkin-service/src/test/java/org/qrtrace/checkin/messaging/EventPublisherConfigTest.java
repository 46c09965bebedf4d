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

            public int retryAfterSeconds() {
                return 5;
            }

            public Duration linger() {
                return Duration.ofMillis(5);
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
    }
}
