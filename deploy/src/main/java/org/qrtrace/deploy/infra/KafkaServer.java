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
 * A real Kafka broker in KRaft mode (combined broker + controller), run in this JVM from the Apache Kafka server jars:
 * the local stack's single broker, or one node of a three-node cluster. With a log directory it keeps its data across
 * restarts.
 */
public final class KafkaServer implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;

    private KafkaServer(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * A single combined node, the local stack's broker: every copy is the only one (replication factor 1).
     *
     * @param logDir where the log lives; null for a throw-away one
     * @param port   0 for any free port
     */
    public static KafkaServer start(Path logDir, int port) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withClusterId(existingClusterId(logDir, null))
                .withNodeId(1)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withDeleteLogDirsOnClose(logDir == null)
                .withAdditionalProperties(p -> common(p, logDir, 1));
        return new KafkaServer(broker.start());
    }

    /**
     * One node of a cluster ({@code ./deploy/run-local --cluster}): broker and controller in one process, one of the
     * controller quorum's voters, with production's durability: internal topics replicated three times, writes with
     * {@code acks=all} refused unless two replicas are in sync.
     *
     * @param nodeId         this node's id (1..n), also its voter id
     * @param port           the broker's (client) port
     * @param controllerPort this node's controller port, as named in {@code voters}
     * @param voters         the controller quorum, e.g. {@code 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097}
     * @param clusterId      the cluster id every node is formatted with (a restarted node keeps its own)
     */
    public static KafkaServer startClusterNode(Path logDir, int nodeId, int port, int controllerPort, String voters,
                                               String clusterId) {
        int replicas = voters.split(",").length;
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withClusterId(existingClusterId(logDir, clusterId))
                .withNodeId(nodeId)
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    common(p, logDir, replicas);
                    p.put("controller.quorum.voters", voters);
                });
        return new KafkaServer(broker.start());
    }

    /** Settings of every node; {@code replicas} copies of internal topics, min ISR 2 when there are 3 or more. */
    private static void common(java.util.Properties p, Path logDir, int replicas) {
        if (logDir != null) {
            p.put("log.dir", logDir.toAbsolutePath().toString());
        }
        String minIsr = String.valueOf(minInSyncReplicas(replicas));
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "3");
        p.put("default.replication.factor", String.valueOf(replicas));
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.check.interval.ms", "60000");
        // A combined node on a busy 2-core machine (or a JVM slowed ~8x under libfaketime for the clock checks) missed
        // the 2 s request and 60 s registration defaults: the broker never registered with its controller and start-up
        // failed. These only lengthen waits that were going to fail; the session timeout stays at its default (a
        // restart on the same data waits it out).
        p.put("controller.quorum.request.timeout.ms", "30000");
        p.put("initial.broker.registration.timeout.ms", "600000");
    }

    /** Production's rule (deploy/k8s): with three copies, a write needs two in sync; one copy needs itself. */
    static int minInSyncReplicas(int replicas) {
        return replicas >= 3 ? 2 : 1;
    }

    /** A restarted broker must keep the cluster id its log directory was formatted with; a new one takes {@code fresh}. */
    private static String existingClusterId(Path logDir, String fresh) {
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
        return fresh != null ? fresh : org.apache.kafka.common.Uuid.randomUuid().toString();
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
     * Creates the system's topics (docs/architecture.md) that do not exist yet, one copy each (the single broker);
     * existing ones are left as they are. Safe to call again, and right after a (re)start.
     *
     * @throws IllegalStateException when a topic the broker reports as existing has another partition count
     */
    public static void createTopics(String bootstrapServers) throws Exception {
        createTopics(bootstrapServers, 1, java.time.Duration.ZERO);
    }

    /**
     * As {@link #createTopics(String)} with {@code replicas} copies of each partition (and min ISR 2 when 3 or more).
     * A cluster's nodes start together and each creates the topics once it runs: until enough brokers have
     * registered the controller refuses the replication factor, and this waits up to {@code waitForBrokers} for them.
     */
    public static void createTopics(String bootstrapServers, int replicas, java.time.Duration waitForBrokers)
            throws Exception {
        long deadline = System.nanoTime() + waitForBrokers.toNanos();
        while (true) {
            try {
                createTopicsOnce(bootstrapServers, replicas);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.InvalidReplicationFactorException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void createTopicsOnce(String bootstrapServers, int replicas) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = Topics.ALL.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) replicas).configs(topicConfig(t, replicas)))
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

    private static Map<String, String> topicConfig(Topics.TopicSpec topic, int replicas) {
        Map<String, String> config = new java.util.HashMap<>(topic.config());
        config.put("min.insync.replicas", String.valueOf(minInSyncReplicas(replicas)));
        return config;
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
