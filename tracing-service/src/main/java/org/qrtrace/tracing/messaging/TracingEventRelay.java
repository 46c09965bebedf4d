package org.qrtrace.tracing.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.qrtrace.common.kafka.KafkaPresets;
import org.qrtrace.common.kafka.OutboxBatch;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.repository.OutboxRepository;
import org.qrtrace.tracing.repository.OutboxRepository.PendingEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Relays tracing-service's outbox to tracing.events, as venue-service relays its own: oldest first, claimed with
 * {@code FOR NO KEY UPDATE SKIP LOCKED} (several instances relay different rows), a row marked sent only after the
 * broker acknowledged it ({@code acks=all}, idempotent producer: service-common's durable preset). While Kafka is
 * unreachable the rows stay unsent and the relay backs off exponentially; it never drops an event. Delivery is at
 * least once (a crash between the acknowledgement and the commit sends a row again); consumers deduplicate by event id.
 */
@ApplicationScoped
public class TracingEventRelay {

    private static final Logger LOG = Logger.getLogger(TracingEventRelay.class);

    private final OutboxRepository outbox;
    private final TracingConfig.Events settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final String bootstrapServers;

    private volatile KafkaProducer<String, byte[]> producer;
    private volatile boolean stopping;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff;
    private Counter relayed;
    private Counter failures;

    TracingEventRelay(OutboxRepository outbox, TracingConfig config, Clock clock, MeterRegistry metrics,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.outbox = outbox;
        this.settings = config.events();
        this.clock = clock;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    @PostConstruct
    void init() {
        relayed = Counter.builder("tracing.outbox.relayed").description("tracing.events acknowledged by Kafka")
                .register(metrics);
        failures = Counter.builder("tracing.outbox.failures").description("outbox relay runs that failed")
                .register(metrics);
        Gauge.builder("tracing.outbox.pending", outbox, OutboxRepository::countUnsent)
                .description("tracing.events not yet acknowledged by Kafka").register(metrics);
    }

    @Scheduled(every = "${qrtrace.tracing.events.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void scheduled() {
        if (stopping || clock.instant().isBefore(nextAttempt)) {
            return;
        }
        try {
            relayBatch();
            backoff = null;
            nextAttempt = Instant.EPOCH;
        } catch (RuntimeException e) { // a batch not fully acknowledged (RelayException), or the database away
            failures.increment();
            backoff = backoff == null ? settings.initialBackoff() : min(backoff.multipliedBy(2), settings.maxBackoff());
            nextAttempt = clock.instant().plus(backoff);
            LOG.warnf("outbox relay failed (%s); next attempt in %s", e.getMessage(), backoff);
        }
    }

    /**
     * Sends one batch and marks what Kafka acknowledged, in one transaction holding the rows' locks.
     *
     * @return the number of events relayed
     * @throws RelayException when any event of the batch was not acknowledged (those stay unsent)
     */
    @Transactional(dontRollbackOn = RelayException.class)
    int relayBatch() {
        List<PendingEvent> pending = outbox.lockUnsent(settings.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        OutboxBatch.Outcome outcome = OutboxBatch.send(producer(), pending, settings.sendTimeout());
        List<Long> sent = outcome.sent();
        List<Long> failed = outcome.failed();
        String error = outcome.error();
        outbox.markSent(sent, clock.instant());
        relayed.increment(sent.size());
        if (!failed.isEmpty()) {
            outbox.markFailed(failed, error);
            throw new RelayException(failed.size() + " of " + pending.size() + " events not acknowledged: " + error);
        }
        return sent.size();
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerSettings(), new StringSerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    /** The durable preset; a send to an unreachable broker fails within the relay's wait instead of blocking it. */
    private Map<String, Object> producerSettings() {
        int timeoutMs = (int) settings.sendTimeout().toMillis();
        Map<String, Object> p = KafkaPresets.durableProducer(bootstrapServers, "tracing-service-outbox");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        return p;
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A batch was not fully acknowledged; the transaction still commits what was (hence not a rollback). */
    static final class RelayException extends RuntimeException {
        RelayException(String message) {
            super(message);
        }
    }
}
