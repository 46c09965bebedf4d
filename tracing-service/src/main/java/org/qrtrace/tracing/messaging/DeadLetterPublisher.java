package org.qrtrace.tracing.messaging;

import org.qrtrace.common.kafka.KafkaPresets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.qrtrace.events.Topics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends records that cannot be applied to {@link Topics#TRACING_DEAD_LETTER} unchanged (same key and value), with
 * headers naming the source topic, partition, offset and the reason. Sending is synchronous: the consumer commits the
 * source offset only after the dead letter is stored.
 */
final class DeadLetterPublisher implements AutoCloseable {

    static final String HEADER_REASON = "qrtrace.dlq.reason";
    static final String HEADER_TOPIC = "qrtrace.dlq.topic";
    static final String HEADER_PARTITION = "qrtrace.dlq.partition";
    static final String HEADER_OFFSET = "qrtrace.dlq.offset";

    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetterPublisher(String bootstrapServers, String clientId) {
        this.producer = new KafkaProducer<>(KafkaPresets.durableProducer(bootstrapServers, clientId),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A record to dead-letter and why. */
    record Rejected(ConsumerRecord<byte[], byte[]> record, String reason) {
    }

    void publish(List<Rejected> rejected) throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<?>> sent = new ArrayList<>();
        for (Rejected r : rejected) {
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.TRACING_DEAD_LETTER, r.record().key(), r.record().value());
            out.headers().add(HEADER_REASON, r.reason().getBytes(StandardCharsets.UTF_8));
            out.headers().add(HEADER_TOPIC, r.record().topic().getBytes(StandardCharsets.UTF_8));
            out.headers().add(HEADER_PARTITION, String.valueOf(r.record().partition()).getBytes(StandardCharsets.UTF_8));
            out.headers().add(HEADER_OFFSET, String.valueOf(r.record().offset()).getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(out));
        }
        for (Future<?> f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
