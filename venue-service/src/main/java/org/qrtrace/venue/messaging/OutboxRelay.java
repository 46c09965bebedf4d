package org.qrtrace.venue.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.PostConstruct;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.qrtrace.common.kafka.OutboxBatch;
import org.qrtrace.venue.config.OutboxConfig;
import org.qrtrace.venue.repository.OutboxRepository;
import org.qrtrace.venue.repository.OutboxRepository.PendingEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Relays the outbox to Kafka: oldest first, a row is marked sent only after the broker acknowledged it ({@code
 * acks=all}, idempotent producer). When Kafka is unreachable the rows stay unsent and the relay backs off
 * exponentially up to a maximum; it never drops an event. Delivery is at least once (a crash between the broker's
 * acknowledgement and the commit re-sends a row); consumers deduplicate by event id, as the contract requires.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final OutboxConfig outboxConfig;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final String bootstrapServers;

    private volatile KafkaProducer<String, byte[]> producer;
    private volatile boolean stopping;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff;
    private Counter relayed;
    private Counter failures;

    OutboxRelay(OutboxRepository outbox, OutboxConfig outboxConfig, Clock clock, MeterRegistry metrics,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.outbox = outbox;
        this.outboxConfig = outboxConfig;
        this.clock = clock;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    @PostConstruct
    void init() {
        relayed = Counter.builder("qrtrace.venue.outbox.relayed").description("venue events acknowledged by Kafka")
                .register(metrics);
        failures = Counter.builder("qrtrace.venue.outbox.failures").description("relay runs that failed").register(metrics);
        Gauge.builder("qrtrace.venue.outbox.pending", outbox, OutboxRepository::countUnsent)
                .description("venue events not yet acknowledged by Kafka").register(metrics);
    }

    @Scheduled(every = "${qrtrace.venue.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void scheduled() {
        if (stopping || clock.instant().isBefore(nextAttempt)) {
            return;
        }
        try {
            int sent;
            int batches = 0;
            do {
                sent = relayBatch();
                batches++;
            } while (sent == outboxConfig.batchSize() && batches < outboxConfig.maxBatchesPerRun());
            backoff = null;
            nextAttempt = Instant.EPOCH;
        } catch (RelayException e) {
            failures.increment();
            backoff = backoff == null ? outboxConfig.initialBackoff()
                    : min(backoff.multipliedBy(2), outboxConfig.maxBackoff());
            nextAttempt = clock.instant().plus(backoff);
            LOG.warnf("outbox relay failed (%s); next attempt in %s", e.getMessage(), backoff);
        }
    }

    /**
     * Sends one batch and marks what Kafka acknowledged, in one transaction holding the rows' locks. The claim
     * ({@code FOR NO KEY UPDATE SKIP LOCKED}) is {@link OutboxRepository#lockUnsent}, a Panache query with a pessimistic
     * lock and Hibernate's skip-locked timeout: no native SQL was needed.
     *
     * @return the number of events relayed
     * @throws RelayException when any event of the batch was not acknowledged (those stay unsent)
     */
    @Transactional(dontRollbackOn = RelayException.class)
    int relayBatch() {
        List<PendingEvent> pending = outbox.lockUnsent(outboxConfig.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        OutboxBatch.Outcome outcome = OutboxBatch.send(producer(), pending, outboxConfig.sendTimeout());
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
                    producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, outboxConfig));
                }
            }
        }
        return producer;
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
