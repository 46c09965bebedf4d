package org.qrtrace.tracing.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.Topics;
import org.qrtrace.testing.TestInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;


/** Reads tracing.events from the beginning with a real consumer, as any other service would. */
final class TracingTopic implements AutoCloseable {

    /** A record as it arrived: its key, its raw value and the decoded envelope. */
    record Received(String key, String json, EventEnvelope event) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    TracingTopic() {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRACING_EVENTS, Duration.ofSeconds(20)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits (at most 60 s) until {@code count} events match, and returns every matching one read so far. */
    List<Received> awaitEvents(Predicate<EventEnvelope> matching, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> poll().stream().filter(r -> matching.test(r.event())).count() >= count);
        return received.stream().filter(r -> matching.test(r.event())).toList();
    }

    /** Everything read so far, after one more poll. */
    List<Received> poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received(r.key(), new String(r.value(), java.nio.charset.StandardCharsets.UTF_8),
                    EventCodec.decode(r.value())));
        }
        return received;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
