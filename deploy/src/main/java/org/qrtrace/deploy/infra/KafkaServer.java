package org.qrtrace.deploy.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.qrtrace.events.Topics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker in KRaft mode (combined broker + controller), run in this JVM from the Apache Kafka server jars.
 * With a log directory it keeps its data across restarts.
 */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;

    private KafkaServer(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * @param logDir where the log lives; null for a throw-away one
     * @param port   0 for any free port
     */
    public static KafkaServer start(Path logDir, int port) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withClusterId(existingClusterId(logDir))
                .withNodeId(1)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withDeleteLogDirsOnClose(logDir == null)
                .withAdditionalProperties(p -> {
                    if (logDir != null) {
                        p.put("log.dir", logDir.toAbsolutePath().toString());
                    }
                    p.put("auto.create.topics.enable", "false");
                    p.put("num.partitions", "3");
                    p.put("min.insync.replicas", "1");
                    p.put("transaction.state.log.replication.factor", "1");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("log.retention.check.interval.ms", "60000");
                    // A single combined node on a busy 2-core machine (or a JVM slowed ~8x under libfaketime for the
                    // clock checks) missed the 2 s request and 60 s registration defaults: the broker never registered
                    // with its own controller and start-up failed. These only lengthen waits that were going to fail;
                    // the session timeout stays at its default (a restart on the same data waits it out).
                    p.put("controller.quorum.request.timeout.ms", "30000");
                    p.put("initial.broker.registration.timeout.ms", "600000");
                });
        return new KafkaServer(broker.start());
    }

    /** A restarted broker must keep the cluster id its log directory was formatted with. */
    private static String existingClusterId(Path logDir) {
        Path meta = logDir == null ? null : logDir.resolve("meta.properties");
        if (meta != null && java.nio.file.Files.exists(meta)) {
            try (var in = java.nio.file.Files.newInputStream(meta)) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                String id = p.getProperty("cluster.id");
                if (id != null) {
                    return id;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + meta, e);
            }
        }
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    public String bootstrapServers() {
        String listeners = broker.getAdvertisedListeners();
        return listeners.replaceAll("[A-Z_]+://", "");
    }

    @Override
    public void close() {
        broker.close();
    }

    /**
     * Creates the system's topics (docs/architecture.md) that do not exist yet; existing ones are left as they are. Safe to
     * call again, and right after a (re)start.
     *
     * @throws IllegalStateException when a topic the broker reports as existing has another partition count
     */
    public static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = Topics.ALL.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            var created = admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    created.get(topic.name()).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    // The listing is the broker's metadata, which can lag the controller's (just after a restart, or
                    // another caller created the topic meanwhile): the topic is there, so check it is the one wanted.
                    requirePartitions(admin, topic.name(), topic.numPartitions());
                }
            }
        }
    }

    /** @throws IllegalStateException when {@code topic} has another partition count than {@code expected} */
    static void requirePartitions(Admin admin, String topic, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int partitions;
        while (true) {
            try {
                partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                break;
            } catch (ExecutionException e) {
                // The controller knows the topic before this broker's metadata does.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        if (partitions != expected) {
            throw new IllegalStateException("topic " + topic + " exists with " + partitions + " partitions, expected "
                    + expected + " (Topics.ALL); delete the topic or the broker's log directory to recreate it");
        }
    }
}
