package org.qrtrace.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client settings the services share, set once; each caller adds only its own tuning (linger, timeouts,
 * batch sizes) to the map it gets. Plain maps for plain {@code KafkaProducer}/{@code KafkaConsumer}s: the services own
 * their threads, acknowledgements and offset commits (docs/architecture.md, "Data flow and guarantees").
 */
public final class KafkaPresets {

    private KafkaPresets() {
    }

    /**
     * A producer whose acknowledged records are on every in-sync replica ({@code acks=all}) and never duplicated or
     * reordered by its own retries (idempotence, at most 5 requests in flight).
     */
    public static Map<String, Object> durableProducer(String bootstrapServers, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return p;
    }

    /**
     * A consumer that starts at the beginning of a topic it has no position in and commits nothing by itself: the
     * caller commits (or not at all, when it replays a topic into memory on every start).
     */
    public static Map<String, Object> manualConsumer(String bootstrapServers, String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /**
     * A {@link #manualConsumer} in a consumer group that reads only committed records; the caller commits offsets
     * after its own database transaction, so a crash re-delivers and an idempotent insert makes that harmless.
     */
    public static Map<String, Object> groupConsumer(String bootstrapServers, String groupId, String clientId) {
        Map<String, Object> p = manualConsumer(bootstrapServers, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }
}
