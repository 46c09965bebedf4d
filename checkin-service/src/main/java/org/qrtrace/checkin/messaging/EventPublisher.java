package org.qrtrace.checkin.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.common.kafka.KafkaPresets;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.Topics;
import org.qrtrace.events.kafka.EventSerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes check-in events, Kafka-first: a stage completes only once the broker acknowledged the record with
 * {@code acks=all} from an idempotent producer, and fails within the configured publish timeout otherwise. Sends are
 * asynchronous and never flushed per request, so concurrent requests share the producer's batches. The stage completes
 * on the producer's network thread (what follows is building the small answer and handing it to Vert.x); an executor
 * in between cost one more thread switch per check-in: checkin-service used 398 µs of CPU per check-in at 2,500/s with
 * it, 374 µs without (one run each, docs/benchmarks.md).
 */
@ApplicationScoped
@Startup // created with the application, so the topic's metadata is fetched before the first check-in needs it
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    /** Time the producer may block in send() for metadata or buffer space; the rest of the budget is for delivery. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(1);

    private final Producer<String, EventEnvelope> producer;
    private final Duration publishTimeout;
    private final Timer ackTimer;
    /** Set once the producer holds checkin.events' partitions: from then on send() only appends to a batch. */
    private volatile boolean metadataKnown;
    private volatile boolean closed;

    @Inject
    public EventPublisher(CheckinConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                          MeterRegistry registry) {
        this.publishTimeout = config.kafka().publishTimeout();
        this.producer = new KafkaProducer<>(producerConfig(bootstrap, config.kafka()), new StringSerializer(),
                new EventSerializer());
        // Producer metrics (batch size, records per request, errors) on /q/metrics, e.g. to see requests share batches.
        new KafkaClientMetrics(producer).bindTo(registry);
        this.ackTimer = Timer.builder("checkin.kafka.ack").description("time until Kafka acknowledged an event")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        Thread warm = new Thread(this::awaitMetadata, "checkin-producer-metadata");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * True when {@link #publish} cannot block its caller: the topic's metadata is held (kept however long the topic
     * is idle, see {@link #producerConfig}) and the buffer cannot fill before records expire. Until then send() may
     * wait up to max.block.ms for metadata, which an event-loop caller must not do.
     */
    public boolean sendsWithoutBlocking() {
        return metadataKnown;
    }

    private void awaitMetadata() {
        while (!metadataKnown && !closed) {
            try {
                producer.partitionsFor(Topics.CHECKIN_EVENTS);
                metadataKnown = true;
            } catch (RuntimeException e) {
                try {
                    Thread.sleep(MAX_BLOCK.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    static Map<String, Object> producerConfig(String bootstrap, CheckinConfig.Kafka kafka) {
        long delivery = kafka.publishTimeout().toMillis();
        long linger = kafka.linger().toMillis();
        Map<String, Object> p = KafkaPresets.durableProducer(bootstrap, "checkin-service");
        p.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compression());
        // The producer must give up within the request's budget: delivery.timeout >= linger + request.timeout.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, delivery - linger - 100));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK.toMillis());
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        // Check-ins may be sent from event loops, so send() must never wait. It waits for metadata only when the topic
        // is not in it: keep the topic however long no one checks in (refreshed in the background meanwhile). It waits
        // for buffer space only when the buffer is full: records expire after the delivery timeout, and 64 MB holds
        // more than 2.5 s of ~800-byte events at 10,000/s (20 MB).
        p.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) Duration.ofDays(1).toMillis());
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return p;
    }

    /** Completes when Kafka acknowledged the event; fails with {@link PublishFailedException} otherwise. */
    public CompletionStage<Void> publish(EventEnvelope event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        long started = System.nanoTime();
        try {
            producer.send(new ProducerRecord<>(event.topic(), event.key(), event), (metadata, error) -> {
                if (error == null) {
                    ackTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        // A safety net above the producer's own delivery timeout, so no request waits longer than its budget.
        return acked.orTimeout(publishTimeout.toMillis() + MAX_BLOCK.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    LOG.warnf("Kafka did not acknowledge %s event %s: %s", event.type(), event.eventId(),
                            cause instanceof TimeoutException ? "timed out" : cause.toString());
                    return CompletableFuture.failedFuture(new PublishFailedException("Kafka did not acknowledge the event", cause));
                });
    }

    void close(@Observes ShutdownEvent event) {
        closed = true;
        producer.close(Duration.ofSeconds(5));
    }
}
