package org.qrtrace.common.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One batch of a transactional outbox sent to Kafka, the one way both outbox relays (venue-service's and
 * tracing-service's) do it: every row sent with its event id and type as headers, then each acknowledgement awaited
 * until a deadline a little past the producer's own delivery timeout (so that its verdict arrives first). The caller
 * marks {@link Outcome#sent()} sent and {@link Outcome#failed()} failed in the transaction that claimed the rows; rows
 * after a send that threw are failed unsent. Nothing is dropped: a failed row stays in the outbox.
 */
public final class OutboxBatch {

    /** A claimed outbox row, as each service's repository reads it. */
    public interface Event {
        long id();

        UUID eventId();

        String topic();

        String key();

        String type();

        byte[] payload();
    }

    /** Row ids acknowledged by Kafka, row ids not, and the first reason (null when all were). */
    public record Outcome(List<Long> sent, List<Long> failed, String error) {
    }

    private OutboxBatch() {
    }

    public static Outcome send(Producer<String, byte[]> kafka, List<? extends Event> pending, Duration sendTimeout) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        String error = null;
        for (Event event : pending) {
            try {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
                record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8))
                        .add("type", event.type().getBytes(StandardCharsets.UTF_8));
                acks.add(kafka.send(record));
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                break;
            }
        }
        long deadline = System.nanoTime() + sendTimeout.plusSeconds(2).toNanos();
        List<Long> sent = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            long id = pending.get(i).id();
            if (i >= acks.size()) {
                failed.add(id);
                continue;
            }
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(id);
            } catch (ExecutionException e) {
                failed.add(id);
                error = error != null ? error : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
            } catch (TimeoutException e) {
                failed.add(id);
                error = error != null ? error : "no acknowledgement within " + sendTimeout;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(id);
                error = "interrupted";
            }
        }
        return new Outcome(sent, failed, failed.isEmpty() ? null : error);
    }
}
