package org.qrtrace.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qrtrace.events.Topics;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The cluster of {@code ./deploy/run-local --cluster}: three combined nodes form one quorum, the system's topics get
 * three replicas and min.insync.replicas 2, a write is acknowledged with one node gone and refused with two gone.
 */
class KafkaClusterTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void threeNodesReplicateEveryTopicAndRefuseWritesBelowTwoInSyncReplicas(@TempDir Path dir) throws Exception {
        int[] ports = freePorts(6);
        String voters = "1@127.0.0.1:" + ports[1] + ",2@127.0.0.1:" + ports[3] + ",3@127.0.0.1:" + ports[5];
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        // A node's start-up waits for the quorum, so the three start together.
        List<CompletableFuture<KafkaServer>> starting = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            int node = n;
            starting.add(CompletableFuture.supplyAsync(() -> KafkaServer.startClusterNode(dir.resolve("kafka-" + node),
                    node, ports[2 * (node - 1)], ports[2 * (node - 1) + 1], voters, clusterId)));
        }
        List<KafkaServer> nodes = new ArrayList<>();
        try {
            for (CompletableFuture<KafkaServer> s : starting) {
                nodes.add(s.get(3, TimeUnit.MINUTES));
            }
            String bootstrap = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[2] + ",127.0.0.1:" + ports[4];
            KafkaServer.createTopics(bootstrap, 3, Duration.ofMinutes(2));
            KafkaServer.createTopics(bootstrap, 3, Duration.ofMinutes(2)); // idempotent

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL.stream().map(Topics.TopicSpec::name)
                        .toList()).allTopicNames().get(30, TimeUnit.SECONDS);
                for (Topics.TopicSpec spec : Topics.ALL) {
                    TopicDescription topic = topics.get(spec.name());
                    assertEquals(spec.partitions(), topic.partitions().size(), spec.name());
                    topic.partitions().forEach(p -> assertEquals(3, p.replicas().size(), spec.name() + " " + p));
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
                    assertEquals("2", admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                            .get(resource).get("min.insync.replicas").value(), spec.name());
                }
            }

            // Both producers get their producer id while the quorum stands: an idempotent producer that asks for one
            // after the quorum is lost waits for it without end (its batches never expire, close() never returns).
            try (KafkaProducer<String, String> patient = producer(bootstrap, 60_000);
                 KafkaProducer<String, String> brief = producer(bootstrap, 8_000)) {
                patient.send(new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "three up")).get(60, TimeUnit.SECONDS);
                brief.send(new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "three up")).get(60, TimeUnit.SECONDS);

                closeWithin(nodes.remove(2));
                patient.send(new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "two up")).get(90, TimeUnit.SECONDS);

                closeWithin(nodes.remove(1));
                // Not acknowledged: one replica left of the two a write needs. Refused or timed out (8 s) either way.
                ExecutionException refused = assertThrows(ExecutionException.class, () -> brief.send(
                        new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "one up")).get(60, TimeUnit.SECONDS));
                assertInstanceOf(org.apache.kafka.common.errors.RetriableException.class, refused.getCause());
            }
        } finally {
            for (KafkaServer node : nodes) {
                closeWithin(node);
            }
            for (CompletableFuture<KafkaServer> s : starting) {
                if (!s.isDone()) {
                    s.thenAcceptAsync(KafkaServer::close); // one that never finished starting is closed if it ever does
                }
            }
        }
    }

    /**
     * A node's orderly shutdown talks to the controller quorum; the last node of a lost quorum may wait long for it. The
     * test does not wait more than a minute: the node is left to its daemon thread (the test JVM ends anyway).
     */
    private static void closeWithin(KafkaServer node) throws InterruptedException {
        Thread closing = new Thread(node::close, "close-kafka-node");
        closing.setDaemon(true);
        closing.start();
        closing.join(Duration.ofMinutes(1).toMillis());
    }

    private static KafkaProducer<String, String> producer(String bootstrap, int deliveryTimeoutMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeoutMs / 2, 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs),
                new StringSerializer(), new StringSerializer()) {
            @Override
            public void close() { // the default close waits without bound for records the cluster cannot take
                close(Duration.ofSeconds(10));
            }
        };
    }

    private static int[] freePorts(int count) throws Exception {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }
}
