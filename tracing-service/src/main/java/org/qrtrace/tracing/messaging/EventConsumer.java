package org.qrtrace.tracing.messaging;

import org.qrtrace.common.kafka.KafkaPresets;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventDecodingException;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.Topics;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.service.EventApplier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Consumes {@code checkin.events} and {@code venue.events} with a plain Kafka consumer on one thread, because the
 * commit order is the point: poll a batch, dead-letter what cannot be decoded or applied (synchronously), apply the
 * rest in one database transaction, and only then commit the offsets ({@code commitSync}). A crash anywhere before
 * the commit replays the batch, which the event-id claim turns into no-ops. A failed batch (database down) is retried
 * from its first offsets after a back-off; an undecodable record is never retried and never blocks its partition.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final TracingConfig config;
    private final EventApplier applier;
    private final MeterRegistry metrics;

    EventConsumer(TracingConfig config, EventApplier applier, MeterRegistry metrics) {
        this.config = config;
        this.applier = applier;
        this.metrics = metrics;
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Long> lagByTopic = new ConcurrentHashMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    void onStart(@Observes StartupEvent start) {
        for (String topic : List.of(Topics.CHECKIN_EVENTS, Topics.VENUE_EVENTS)) {
            lagByTopic.put(topic, 0L);
            metrics.gauge("tracing.consumer.lag", io.micrometer.core.instrument.Tags.of("topic", topic), lagByTopic,
                    m -> m.getOrDefault(topic, 0L));
        }
        if (!config.consumer().enabled()) {
            LOG.warn("event consumer disabled (qrtrace.tracing.consumer.enabled=false): the presence store is not being filled");
            return;
        }
        running.set(true);
        thread = new Thread(this::run, "tracing-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        running.set(false);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** True while the consumer thread runs (or consuming is switched off on purpose). */
    public boolean healthy() {
        return !config.consumer().enabled() || (thread != null && thread.isAlive());
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> props = KafkaPresets.groupConsumer(bootstrapServers, config.consumer().groupId(),
                config.consumer().groupId() + "-events");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords());
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, config.consumer().fetchMinBytes());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) config.consumer().fetchMaxWait().toMillis());
        int session = (int) config.consumer().sessionTimeout().toMillis();
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, session);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(1000, session / 3));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void run() {
        try (DeadLetterPublisher deadLetters = new DeadLetterPublisher(bootstrapServers, config.consumer().groupId() + "-dlq")) {
            while (running.get()) {
                try (KafkaConsumer<byte[], byte[]> c = newConsumer()) {
                    consumer = c;
                    c.subscribe(List.of(Topics.CHECKIN_EVENTS, Topics.VENUE_EVENTS));
                    while (running.get()) {
                        ConsumerRecords<byte[], byte[]> records = c.poll(config.consumer().pollTimeout());
                        if (!records.isEmpty()) {
                            process(c, records, deadLetters);
                        }
                        updateLag(c);
                    }
                } catch (WakeupException e) {
                    // shutting down
                } catch (RuntimeException e) {
                    // The batch was not committed: a new consumer resumes from the last committed offsets.
                    LOG.errorf("event batch failed (%s); retrying from the last committed offsets", describe(e));
                    LOG.debug("event batch failure", e);
                    metrics.counter("tracing.consumer.batch.failures").increment();
                    sleep();
                }
            }
        } catch (Exception e) {
            LOG.error("event consumer stopped", e);
        }
    }

    private void process(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records,
                         DeadLetterPublisher deadLetters) {
        List<EventEnvelope> events = new ArrayList<>(records.count());
        List<ConsumerRecord<byte[], byte[]>> sources = new ArrayList<>(records.count());
        List<DeadLetterPublisher.Rejected> rejected = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            commit.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                EventEnvelope e = EventCodec.decode(r.value());
                String problem = EventApplier.semanticProblem(e);
                if (problem != null) {
                    rejected.add(new DeadLetterPublisher.Rejected(r, problem));
                } else {
                    events.add(e);
                    sources.add(r);
                }
            } catch (EventDecodingException e) {
                rejected.add(new DeadLetterPublisher.Rejected(r, e.getMessage()));
            }
        }
        deadLetter(rejected, deadLetters);
        try {
            applier.apply(events);
        } catch (RuntimeException e) {
            if (sqlStateClass(e) == null) {
                throw e;
            }
            deadLetter(applyOneByOne(events, sources), deadLetters);
        }
        c.commitSync(commit);
    }

    /**
     * The database refused the batch for its data (SQLState class 22 or 23, e.g. a NUL character in a field): apply
     * the events one at a time so that only the offending ones are dead-lettered and the partition moves on. Any other
     * failure (database unreachable) is rethrown and the whole batch retried later.
     */
    private List<DeadLetterPublisher.Rejected> applyOneByOne(List<EventEnvelope> events,
                                                            List<ConsumerRecord<byte[], byte[]>> sources) {
        List<DeadLetterPublisher.Rejected> refused = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                applier.apply(List.of(events.get(i)));
            } catch (RuntimeException single) {
                String state = sqlStateClass(single);
                if (state == null) {
                    throw single;
                }
                refused.add(new DeadLetterPublisher.Rejected(sources.get(i), "refused by the database: SQLState " + state));
            }
        }
        return refused;
    }

    private void deadLetter(List<DeadLetterPublisher.Rejected> rejected, DeadLetterPublisher deadLetters) {
        if (rejected.isEmpty()) {
            return;
        }
        try {
            deadLetters.publish(rejected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic unavailable", e);
        }
        for (DeadLetterPublisher.Rejected r : rejected) {
            // The reason up to its first ':' names the rule broken without repeating any field value.
            String reason = r.reason() == null ? "unknown" : r.reason().split(":", 2)[0];
            LOG.warnf("dead-lettered record %s-%d@%d: %s", r.record().topic(), r.record().partition(),
                    r.record().offset(), reason);
        }
        metrics.counter("tracing.events.dead.lettered").increment(rejected.size());
    }

    /** The SQLState when the failure is about the data (classes 22 data exception, 23 integrity), else null. */
    static String sqlStateClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> c) {
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition tp : c.assignment()) {
            c.currentLag(tp).ifPresent(l -> lag.merge(tp.topic(), l, Long::sum));
        }
        lagByTopic.replaceAll((topic, old) -> lag.getOrDefault(topic, old));
    }

    /** The failure's kind without its message: SQL and Kafka messages may quote row values (pseudonyms). */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = root instanceof java.sql.SQLException sql && sql.getSQLState() != null ? " SQLState " + sql.getSQLState() : "";
        return e.getClass().getSimpleName() + (root == e ? "" : " caused by " + root.getClass().getSimpleName()) + state;
    }

    private void sleep() {
        try {
            Thread.sleep(config.consumer().retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
