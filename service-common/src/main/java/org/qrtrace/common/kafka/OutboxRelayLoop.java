package org.qrtrace.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The one relay of a transactional outbox to Kafka, venue-service's and tracing-service's (docs/architecture.md, "Data
 * flow and guarantees"): oldest first, rows claimed with {@code FOR NO KEY UPDATE SKIP LOCKED} by the service's
 * {@link Store} (several instances relay different rows), a row marked sent only after the broker acknowledged it
 * ({@link OutboxBatch}; {@code acks=all}, idempotent producer). While Kafka or the database is unreachable the rows
 * stay unsent and the relay backs off exponentially up to a maximum; it never drops an event. Delivery is at least once
 * (a crash between the acknowledgement and the commit sends a row again); consumers deduplicate by event id.
 *
 * <p>Each service keeps a small scheduled bean that owns the transaction: its {@code @Scheduled} method calls
 * {@link #run} with its own {@code @Transactional(dontRollbackOn = NotAcknowledged.class)} method, which calls
 * {@link #relayBatch}.
 */
public final class OutboxRelayLoop implements AutoCloseable {

    /** A service's outbox table. */
    public interface Store {
        /** Claims the oldest unsent rows, locked until the transaction ends (others' locked rows skipped). */
        List<? extends OutboxBatch.Event> lockUnsent(int limit);

        void markSent(List<Long> ids, Instant sentAt);

        void markFailed(List<Long> ids, String error);

        long countUnsent();
    }

    /**
     * @param batchSize        rows per transaction
     * @param maxBatchesPerRun batches one run sends back to back while they come back full
     * @param sendTimeout      how long a batch waits for its acknowledgements (rows not acknowledged stay unsent)
     * @param initialBackoff   wait after the first failed run, doubled after each further failure up to {@code maxBackoff}
     */
    public record Settings(int batchSize, int maxBatchesPerRun, Duration sendTimeout, Duration initialBackoff,
                           Duration maxBackoff) {
    }

    /** A batch was not fully acknowledged; the transaction still commits what was (hence not a rollback). */
    public static final class NotAcknowledged extends RuntimeException {
        NotAcknowledged(String message) {
            super(message);
        }
    }

    private final Logger log;
    private final Store store;
    private final Settings settings;
    private final Clock clock;
    private final Supplier<Map<String, Object>> producerSettings;
    private final Counter relayed;
    private final Counter failures;

    private volatile Producer<String, byte[]> producer;
    private volatile boolean stopping;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff;

    /**
     * @param metricPrefix     e.g. {@code qrtrace.venue.outbox}: counters {@code .relayed} and {@code .failures}, gauge
     *                         {@code .pending}
     * @param what             what the rows are, for the metrics' descriptions (e.g. "venue events")
     * @param producerSettings the producer's settings (a durable preset with timeouts within {@code sendTimeout}),
     *                         asked for when the first batch is sent
     */
    public OutboxRelayLoop(Class<?> owner, String metricPrefix, String what, Store store, Settings settings, Clock clock,
                           MeterRegistry metrics, Supplier<Map<String, Object>> producerSettings) {
        this.log = Logger.getLogger(owner);
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.producerSettings = producerSettings;
        this.relayed = Counter.builder(metricPrefix + ".relayed").description(what + " acknowledged by Kafka")
                .register(metrics);
        this.failures = Counter.builder(metricPrefix + ".failures").description("outbox relay runs that failed")
                .register(metrics);
        Gauge.builder(metricPrefix + ".pending", store, Store::countUnsent)
                .description(what + " not yet acknowledged by Kafka").register(metrics);
    }

    /**
     * One scheduled run: unless stopping or backing off, relays batches (each by {@code relayBatchInTransaction}, one
     * transaction) while they come back full, up to {@code maxBatchesPerRun}; a failure (a batch not fully
     * acknowledged, or the database away) starts or doubles the backoff.
     */
    public void run(IntSupplier relayBatchInTransaction) {
        if (stopping || clock.instant().isBefore(nextAttempt)) {
            return;
        }
        try {
            int sent;
            int batches = 0;
            do {
                sent = relayBatchInTransaction.getAsInt();
                batches++;
            } while (sent == settings.batchSize() && batches < settings.maxBatchesPerRun());
            backoff = null;
            nextAttempt = Instant.EPOCH;
        } catch (RuntimeException e) {
            failures.increment();
            backoff = backoff == null ? settings.initialBackoff() : min(backoff.multipliedBy(2), settings.maxBackoff());
            nextAttempt = clock.instant().plus(backoff);
            log.warnf("outbox relay failed (%s); next attempt in %s", e.getMessage(), backoff);
        }
    }

    /**
     * Sends one batch and marks what Kafka acknowledged. Call it inside the transaction that claims the rows, one that
     * commits on {@link NotAcknowledged}.
     *
     * @return the number of events relayed
     * @throws NotAcknowledged when any event of the batch was not acknowledged (those stay unsent, marked failed)
     */
    public int relayBatch() {
        List<? extends OutboxBatch.Event> pending = store.lockUnsent(settings.batchSize());
        if (pending.isEmpty()) {
            return 0;
        }
        OutboxBatch.Outcome outcome = OutboxBatch.send(producer(), pending, settings.sendTimeout());
        store.markSent(outcome.sent(), clock.instant());
        relayed.increment(outcome.sent().size());
        if (!outcome.failed().isEmpty()) {
            store.markFailed(outcome.failed(), outcome.error());
            throw new NotAcknowledged(outcome.failed().size() + " of " + pending.size() + " events not acknowledged: "
                    + outcome.error());
        }
        return outcome.sent().size();
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerSettings.get());
                }
            }
        }
        return producer;
    }

    /** Stops relaying (a run in progress finishes its batch) and closes the producer. */
    @Override
    public void close() {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
