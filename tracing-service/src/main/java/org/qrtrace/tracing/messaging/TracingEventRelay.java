package org.qrtrace.tracing.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qrtrace.common.kafka.KafkaPresets;
import org.qrtrace.common.kafka.OutboxRelayLoop;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.repository.OutboxRepository;

import java.time.Clock;
import java.util.Map;

/**
 * Relays tracing-service's outbox to {@code tracing.events} through service-common's {@link OutboxRelayLoop}, the
 * relay venue-service's outbox uses too.
 */
@ApplicationScoped
public class TracingEventRelay {

    private final OutboxRelayLoop loop;

    TracingEventRelay(OutboxRepository outbox, TracingConfig config, Clock clock, MeterRegistry metrics,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        TracingConfig.Events settings = config.events();
        this.loop = new OutboxRelayLoop(TracingEventRelay.class, "tracing.outbox", "tracing.events", outbox,
                new OutboxRelayLoop.Settings(settings.batchSize(), settings.maxBatchesPerRun(), settings.sendTimeout(),
                        settings.initialBackoff(), settings.maxBackoff()),
                clock, metrics, () -> producerSettings(bootstrapServers, settings));
    }

    @Scheduled(every = "${qrtrace.tracing.events.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void scheduled() {
        loop.run(this::relayBatch);
    }

    /** One batch in one transaction holding the rows' locks; what Kafka acknowledged commits even when some did not. */
    @Transactional(dontRollbackOn = OutboxRelayLoop.NotAcknowledged.class)
    int relayBatch() {
        return loop.relayBatch();
    }

    /** The durable preset; a send to an unreachable broker fails within the relay's wait instead of blocking it. */
    private static Map<String, Object> producerSettings(String bootstrapServers, TracingConfig.Events settings) {
        int timeoutMs = (int) settings.sendTimeout().toMillis();
        Map<String, Object> p = KafkaPresets.durableProducer(bootstrapServers, "tracing-service-outbox");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    void onStop(@Observes ShutdownEvent stop) {
        loop.close();
    }
}
