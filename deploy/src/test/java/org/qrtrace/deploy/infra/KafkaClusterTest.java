package org.qrtrace.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qrtrace.events.Topics;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The cluster of {@code ./deploy/run-local --cluster}: three combined nodes form one quorum, the system's topics get
 * three replicas and min.insync.replicas 2, a write is acknowledged with one node gone and refused with two gone.
 */
class KafkaClusterTest {

    @Test
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
            KafkaServer.createTopics(bootstrap, 3, java.time.Duration.ofMinutes(2));
            KafkaServer.createTopics(bootstrap, 3, java.time.Duration.ofMinutes(2)); // idempotent

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

            try (KafkaProducer<String, String> producer = producer(bootstrap, 60_000)) {
                producer.send(new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "three up")).get(60, TimeUnit.SECONDS);
            }
            nodes.remove(2).close();
            try (KafkaProducer<String, String> producer = producer(bootstrap, 60_000)) {
                producer.send(new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "two up")).get(90, TimeUnit.SECONDS);
            }
            nodes.remove(1).close();
            try (KafkaProducer<String, String> producer = producer(bootstrap, 8_000)) {
                // Not acknowledged: one replica left of the two a write needs (refused, or timed out waiting for them).
                assertThrows(ExecutionException.class, () -> producer.send(
                        new ProducerRecord<>(Topics.CHECKIN_EVENTS, "k", "one up")).get(60, TimeUnit.SECONDS));
            }
        } finally {
            for (KafkaServer node : nodes) {
                node.close();
            }
            for (CompletableFuture<KafkaServer> s : starting) {
                s.thenAccept(KafkaServer::close); // one that never finished starting is closed if it ever does
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap, int deliveryTimeoutMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeoutMs / 2, 30_000),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeoutMs),
                new StringSerializer(), new StringSerializer());
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
