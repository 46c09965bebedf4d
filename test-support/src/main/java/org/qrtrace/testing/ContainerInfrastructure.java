package org.qrtrace.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.HashMap;
import java.util.Map;

/** PostgreSQL and Kafka in containers, for machines with a Docker engine (CI elsewhere, developers' laptops). */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static Map<String, Object> start() {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:15-alpine")
                .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        pg.start();
        kafka.start();
        Map<String, Object> h = new HashMap<>();
        h.put("mode", "testcontainers");
        h.put("pgUrl", pg.getJdbcUrl());
        h.put("pgUser", pg.getUsername());
        h.put("pgPassword", pg.getPassword());
        h.put("bootstrap", kafka.getBootstrapServers());
        h.put("kafkaStop", (Runnable) () -> kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec());
        h.put("kafkaStart", (Runnable) () -> kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec());
        return h;
    }
}
