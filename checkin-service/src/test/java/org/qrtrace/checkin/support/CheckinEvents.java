package org.qrtrace.checkin.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.qrtrace.testing.TestInfrastructure;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads {@code checkin.events} back from the real broker, from the beginning, with plain kafka-clients. */
public final class CheckinEvents {

    /** A record as it is on the topic: key, the raw JSON and the decoded event. */
    public record Recorded(String key, String json, EventEnvelope event) {
    }

    private CheckinEvents() {
    }

    /** Every event matching {@code filter} on the topic now (reads up to the current end of every partition). */
    public static List<Recorded> matching(Predicate<EventEnvelope> filter) {
        List<Recorded> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CHECKIN_EVENTS, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read checkin.events to its end");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    EventEnvelope e = EventCodec.decode(r.value());
                    if (filter.test(e)) {
                        out.add(new Recorded(r.key(), new String(r.value(), java.nio.charset.StandardCharsets.UTF_8), e));
                    }
                }
            }
        }
        return out;
    }
}
