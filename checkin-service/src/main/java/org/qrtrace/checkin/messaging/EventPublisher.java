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
 * {@code acks=all} from an idempotent producer, and fails otherwise within the wait of who is waiting (a visitor:
 * answer-within; a device: publish-timeout). While Kafka is not acknowledging, requests fail at once but for one probe
 * every probe-every, so that during a broker outage every request gets its 503 quickly instead of queueing behind
 * requests that wait (docs/reliability.md). Sends are
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

    /** Who waits for an acknowledgement: how long before the answer is 503. */
    public enum Waiting {
        /** A visitor at a door: {@code answer-within}. */
        VISITOR,
        /** A gate device or a check-out, which retry on their own: {@code publish-timeout}. */
        DEVICE
    }

    private final Producer<String, EventEnvelope> producer;
    private final Duration publishTimeout;
    private final Duration answerWithin;
    private final long probeEveryNanos;
    private final Timer ackTimer;
    private final io.micrometer.core.instrument.Counter refusedAtOnce;
    /** True from an event left unacknowledged (or refused) until the next acknowledgement. */
    private volatile boolean unavailable;
    /** When the next request may try Kafka while it is unavailable (System.nanoTime). */
    private final java.util.concurrent.atomic.AtomicLong nextProbe = new java.util.concurrent.atomic.AtomicLong();
    /** Set once the producer holds checkin.events' partitions: from then on send() only appends to a batch. */
    private volatile boolean metadataKnown;
    private volatile boolean closed;

    @Inject
    public EventPublisher(CheckinConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                          MeterRegistry registry) {
        this.publishTimeout = config.kafka().publishTimeout();
        this.answerWithin = config.kafka().answerWithin();
        this.probeEveryNanos = config.kafka().probeEvery().toNanos();
        this.producer = new KafkaProducer<>(producerConfig(bootstrap, config.kafka()), new StringSerializer(),
                new EventSerializer());
        // Producer metrics (batch size, records per request, errors) on /q/metrics, e.g. to see requests share batches.
        new KafkaClientMetrics(producer).bindTo(registry);
        this.ackTimer = Timer.builder("checkin.kafka.ack").description("time until Kafka acknowledged an event")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.refusedAtOnce = io.micrometer.core.instrument.Counter.builder("checkin.kafka.refused.at.once")
                .description("events not sent because Kafka was not acknowledging: answered 503 without waiting")
                .register(registry);
        Thread warm = new Thread(this::awaitMetadata, "checkin-producer-metadata");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * True when {@link #publish} cannot block its caller: the topic's metadata is held (kept however long the topic
     * is idle, see {@link #producerConfig}), the buffer cannot fill before records expire, and Kafka is acknowledging.
     * Otherwise send() may wait up to max.block.ms for metadata (the producer drops a topic's metadata once it cannot
     * reach the brokers, so a probe during an outage waits for it), which an event-loop caller must not do: a probe
     * holding an event loop for a second held every request on it (p50 265 ms during a broker outage, measured).
     */
    public boolean sendsWithoutBlocking() {
        return metadataKnown && !unavailable;
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

    /**
     * Completes when Kafka acknowledged the event; fails with {@link PublishFailedException} when it did not within the
     * wait of {@code waiting} (the event may still be acknowledged later, within publish-timeout), when it refused it,
     * or at once while Kafka is not acknowledging (see {@link #unavailable()}), except for one probe every probe-every.
     */
    public CompletionStage<Void> publish(EventEnvelope event, Waiting waiting) {
        if (unavailable && !takeProbe()) {
            refusedAtOnce.increment();
            return CompletableFuture.failedFuture(new PublishFailedException(
                    "Kafka has not been acknowledging events: not sent, answered at once", null));
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        long started = System.nanoTime();
        try {
            producer.send(new ProducerRecord<>(event.topic(), event.key(), event), (metadata, error) -> {
                if (error == null) {
                    unavailable = false;
                    ackTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        // The visitor's wait is shorter than the producer's delivery timeout; the device's wait is a safety net above it.
        long wait = waiting == Waiting.VISITOR ? answerWithin.toMillis() : publishTimeout.toMillis() + MAX_BLOCK.toMillis();
        return acked.orTimeout(wait, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    becameUnavailable();
                    LOG.warnf("Kafka did not acknowledge %s event %s: %s", event.type(), event.eventId(),
                            cause instanceof TimeoutException ? "not within " + wait + " ms" : cause.toString());
                    return CompletableFuture.failedFuture(new PublishFailedException("Kafka did not acknowledge the event", cause));
                });
    }

    /** True while Kafka is not acknowledging: since an event went unacknowledged or was refused, none was acknowledged. */
    public boolean unavailable() {
        return unavailable;
    }

    /** The next probe comes probe-every after this failure (a probe that waited does not let the next one in at once). */
    private void becameUnavailable() {
        nextProbe.set(System.nanoTime() + probeEveryNanos);
        unavailable = true;
    }

    /** One caller per probe-every may try Kafka while it is unavailable. */
    private boolean takeProbe() {
        long now = System.nanoTime();
        long next = nextProbe.get();
        return now - next >= 0 && nextProbe.compareAndSet(next, now + probeEveryNanos);
    }

    void close(@Observes ShutdownEvent event) {
        closed = true;
        producer.close(Duration.ofSeconds(5));
    }
}
