package org.qrtrace.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qrtrace.deploy.infra.KafkaServer;
import org.qrtrace.deploy.infra.PostgresServer;
import org.qrtrace.deploy.infra.ServiceDatabase;
import org.qrtrace.events.Topics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stack's servers are real and keep their data across a restart (./deploy/run-local after stop-local). */
class LocalInfrastructureTest {

    @Test
    void postgresKeepsDataAcrossRestartAndServiceLoginsAreConfined(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        try (PostgresServer pg = PostgresServer.start(data, 0, true)) {
            PostgresServer.ensureDatabase(pg.adminJdbcUrl(), "postgres", "", ServiceDatabase.VENUE, "venue-secret");
            PostgresServer.ensureDatabase(pg.adminJdbcUrl(), "postgres", "", ServiceDatabase.TRACING, "tracing-secret");
            try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(pg.adminJdbcUrl(), "venue"), "venue_svc", "venue-secret");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('Hải Dương')");
            }
            // The local stack's server is durable (zonky's defaults are not).
            try (Connection c = DriverManager.getConnection(pg.adminJdbcUrl(), "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
                assertTrue(rs.next());
                assertEquals("on", rs.getString(1));
                assertEquals("on", rs.getString(2));
            }
            // venue_svc may not connect to tracing's database
            assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    PostgresServer.jdbcUrl(pg.adminJdbcUrl(), "tracing"), "venue_svc", "venue-secret").close());
        }
        try (PostgresServer pg = PostgresServer.start(data, 0, true)) {
            PostgresServer.ensureDatabase(pg.adminJdbcUrl(), "postgres", "", ServiceDatabase.VENUE, "venue-secret");
            try (Connection c = DriverManager.getConnection(PostgresServer.jdbcUrl(pg.adminJdbcUrl(), "venue"), "venue_svc", "venue-secret");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals("Hải Dương", rs.getString(1));
            }
        }
    }

    @Test
    void kafkaCreatesTheTopicsAndKeepsRecordsAcrossRestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        int port;
        try (KafkaServer kafka = KafkaServer.start(data, 0)) {
            String bootstrap = kafka.bootstrapServers();
            port = portOf(bootstrap);
            KafkaServer.createTopics(bootstrap);
            KafkaServer.createTopics(bootstrap); // idempotent
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                var topics = admin.describeTopics(Set.of(Topics.CHECKIN_EVENTS)).allTopicNames().get();
                assertEquals(6, topics.get(Topics.CHECKIN_EVENTS).partitions().size());
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                    "acks", "all", "enable.idempotence", "true"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.VENUE_EVENTS, 0, "k", "kept")).get();
            }
        }
        try (KafkaServer kafka = KafkaServer.start(data, port);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                     new StringDeserializer(), new StringDeserializer())) {
            TopicPartition p0 = new TopicPartition(Topics.VENUE_EVENTS, 0);
            consumer.assign(List.of(p0));
            consumer.seekToBeginning(List.of(p0));
            List<String> values = new ArrayList<>();
            // The restarted broker serves the partition once it has reloaded its log and metadata, which takes a
            // varying while; the consumer is not thread-safe, hence polling in this thread.
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
                return !values.isEmpty();
            });
            assertEquals(List.of("kept"), values);
        }
    }

    @Test
    void kafkaTopicsCanBeCreatedRightAfterARestartAndWhenTheyExist(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        int port;
        try (KafkaServer kafka = KafkaServer.start(data, 0)) {
            String bootstrap = kafka.bootstrapServers();
            port = portOf(bootstrap);
            KafkaServer.createTopics(bootstrap);
        }
        // As ./deploy/run-local does after stop-local: the broker's metadata may not list the topics yet.
        try (KafkaServer kafka = KafkaServer.start(data, port)) {
            KafkaServer.createTopics(kafka.bootstrapServers());
            KafkaServer.createTopics(kafka.bootstrapServers());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                var topics = admin.describeTopics(Topics.ALL.stream().map(Topics.TopicSpec::name).toList())
                        .allTopicNames().get();
                for (Topics.TopicSpec spec : Topics.ALL) {
                    assertEquals(spec.partitions(), topics.get(spec.name()).partitions().size(), spec.name());
                }
            }
        }
    }

    /** The port of a one-broker bootstrap address, to restart the broker where its clients expect it. */
    private static int portOf(String bootstrap) {
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    @Test
    void devTokensCarryRoleAndScopeClaims(@TempDir Path dir) {
        DevKeys keys = DevKeys.loadOrCreate(dir);
        String token = keys.mint("gate-device", List.of("v1"), null, null, Duration.ofMinutes(5));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(payload.contains("\"groups\":[\"gate-device\"]"), payload);
        assertTrue(payload.contains("\"venues\":[\"v1\"]"), payload);
        assertEquals(keys.publicKeyPem(), DevKeys.loadOrCreate(dir).publicKeyPem(), "keys are kept, not regenerated");
        DevSecrets secrets = DevSecrets.loadOrCreate(dir);
        assertEquals(secrets.get("QRTRACE_PEPPER"), DevSecrets.loadOrCreate(dir).get("QRTRACE_PEPPER"));
    }
}
