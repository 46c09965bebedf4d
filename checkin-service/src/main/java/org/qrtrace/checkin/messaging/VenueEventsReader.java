package org.qrtrace.checkin.messaging;

import org.qrtrace.common.kafka.KafkaPresets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.qrtrace.checkin.domain.VenueDirectory;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventDecodingException;
import org.qrtrace.events.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the whole of {@code venue.events} from the beginning at start-up and then follows it, filling the in-memory
 * {@link VenueDirectory}. It assigns itself every partition (no consumer group, no committed offsets): each instance
 * needs all venues. The directory counts as caught up once every partition was read up to the end offset it had at
 * start-up; until then readiness is DOWN so no scan is refused because the cache was cold. A record that is not a valid
 * event is counted and skipped (venue-service owns the topic; tracing-service dead-letters).
 */
@ApplicationScoped
public class VenueEventsReader {

    private static final Logger LOG = Logger.getLogger(VenueEventsReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final VenueDirectory directory;
    private final String bootstrap;
    private final Counter undecodable;
    private final Counter applied;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile Map<TopicPartition, Long> startupEnd;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    @Inject
    public VenueEventsReader(VenueDirectory directory, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                             MeterRegistry registry) {
        this.directory = directory;
        this.bootstrap = bootstrap;
        this.undecodable = registry.counter("checkin.venue_events.undecodable");
        this.applied = registry.counter("checkin.venue_events.applied");
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "venue-events-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records still to read before the directory is caught up (0 once it is). */
    public long startupLag() {
        Map<TopicPartition, Long> end = startupEnd;
        if (end == null) {
            return -1;
        }
        long lag = 0;
        for (var e : end.entrySet()) {
            lag += Math.max(0, e.getValue() - positions.getOrDefault(e.getKey(), 0L));
        }
        return lag;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = c;
                List<TopicPartition> partitions = c.partitionsFor(Topics.VENUE_EVENTS, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (partitions.isEmpty()) {
                    throw new IllegalStateException("topic " + Topics.VENUE_EVENTS + " has no partitions");
                }
                c.assign(partitions);
                for (TopicPartition tp : partitions) {
                    Long at = positions.get(tp);
                    if (at == null) {
                        c.seekToBeginning(List.of(tp));
                    } else {
                        c.seek(tp, at);
                    }
                }
                if (startupEnd == null) {
                    startupEnd = Map.copyOf(c.endOffsets(partitions, Duration.ofSeconds(10)));
                    LOG.infof("reading %s from the beginning: %d records to catch up", Topics.VENUE_EVENTS, startupLag());
                }
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                        apply(record);
                    }
                    for (TopicPartition tp : partitions) {
                        positions.put(tp, c.position(tp));
                    }
                    if (!caughtUp && startupLag() == 0) {
                        caughtUp = true;
                        LOG.infof("venue directory caught up: %d venues", directory.size());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("venue events reader failed, retrying in %s: %s", RETRY, e.toString());
                sleep();
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // tombstone
        }
        try {
            directory.apply(EventCodec.decode(record.value()));
            applied.increment();
        } catch (EventDecodingException e) {
            undecodable.increment();
            LOG.warnf("skipping undecodable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> p = KafkaPresets.manualConsumer(bootstrap, "checkin-venue-directory");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return p;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
