package org.qrtrace.venue.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qrtrace.common.kafka.OutboxRelayLoop;
import org.qrtrace.venue.config.OutboxConfig;
import org.qrtrace.venue.repository.OutboxRepository;

import java.time.Clock;

/**
 * Relays venue-service's outbox to {@code venue.events} through service-common's {@link OutboxRelayLoop} (the one
 * relay both outboxes use). The claim ({@code FOR NO KEY UPDATE SKIP LOCKED}) is {@link OutboxRepository#lockUnsent},
 * a Panache query with a pessimistic lock and Hibernate's skip-locked timeout.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRelayLoop loop;

    OutboxRelay(OutboxRepository outbox, OutboxConfig config, Clock clock, MeterRegistry metrics,
                @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.loop = new OutboxRelayLoop(OutboxRelay.class, "qrtrace.venue.outbox", "venue events", outbox,
                new OutboxRelayLoop.Settings(config.batchSize(), config.maxBatchesPerRun(), config.sendTimeout(),
                        config.initialBackoff(), config.maxBackoff()),
                clock, metrics, () -> KafkaSettings.producer(bootstrapServers, config));
    }

    @Scheduled(every = "${qrtrace.venue.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void scheduled() {
        loop.run(this::relayBatch);
    }

    /** One batch in one transaction holding the rows' locks; what Kafka acknowledged commits even when some did not. */
    @Transactional(dontRollbackOn = OutboxRelayLoop.NotAcknowledged.class)
    int relayBatch() {
        return loop.relayBatch();
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
    }
}
