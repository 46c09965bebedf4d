package org.qrtrace.testing;

import org.qrtrace.deploy.infra.KafkaServer;
import org.qrtrace.deploy.infra.PostgresServer;
import org.qrtrace.deploy.infra.ServiceDatabase;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real PostgreSQL and Kafka the services' integration tests run against, one set per test JVM. Chosen in order:
 * <ol>
 *   <li>external servers named by environment variables ({@code QRTRACE_TEST_PG_URL} (admin JDBC URL),
 *       {@code QRTRACE_TEST_PG_USER}, {@code QRTRACE_TEST_PG_PASSWORD}, {@code QRTRACE_TEST_KAFKA_BOOTSTRAP});</li>
 *   <li>Testcontainers, when a Docker engine answers (unless {@code QRTRACE_TEST_INFRA=embedded});</li>
 *   <li>embedded: PostgreSQL binaries and an in-process KRaft broker.</li>
 * </ol>
 * Quarkus may load this class in more than one class loader (one per application restart), so the running servers
 * are registered once per JVM as a platform MBean and reached from every class loader through JDK types only.
 */
public final class TestInfrastructure {

    private static final ObjectName NAME;

    static {
        try {
            NAME = new ObjectName("org.qrtrace:type=TestInfrastructure");
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The registered form: attributes and operations reachable from any class loader. */
    public interface HandleMBean {
        String getMode();

        String getAdminJdbcUrl();

        String getAdminUser();

        String getAdminPassword();

        String getBootstrapServers();

        boolean isKafkaControllable();

        void stopKafka();

        void startKafka();
    }

    private static final class Handle implements HandleMBean {
        private final Map<String, Object> h;

        Handle(Map<String, Object> h) {
            this.h = h;
        }

        public String getMode() {
            return (String) h.get("mode");
        }

        public String getAdminJdbcUrl() {
            return (String) h.get("pgUrl");
        }

        public String getAdminUser() {
            return (String) h.get("pgUser");
        }

        public String getAdminPassword() {
            return (String) h.get("pgPassword");
        }

        public String getBootstrapServers() {
            return (String) h.get("bootstrap");
        }

        public boolean isKafkaControllable() {
            return h.containsKey("kafkaStop");
        }

        public void stopKafka() {
            control("kafkaStop").run();
        }

        public void startKafka() {
            control("kafkaStart").run();
        }

        private Runnable control(String name) {
            Object c = h.get(name);
            if (c == null) {
                throw new IllegalStateException("the broker cannot be stopped in mode " + getMode());
            }
            return (Runnable) c;
        }
    }

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private TestInfrastructure() {
    }

    public static TestInfrastructure get() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        synchronized (System.class) {
            if (!server.isRegistered(NAME)) {
                try {
                    server.registerMBean(new Handle(start()), NAME);
                } catch (JMException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new TestInfrastructure();
    }

    private Object attribute(String name) {
        try {
            return server.getAttribute(NAME, name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private void invoke(String operation) {
        try {
            server.invoke(NAME, operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("cannot " + operation, e);
        }
    }

    public String mode() {
        return (String) attribute("Mode");
    }

    public String adminJdbcUrl() {
        return (String) attribute("AdminJdbcUrl");
    }

    public String bootstrapServers() {
        return (String) attribute("BootstrapServers");
    }

    /** The service's database and login; created on first use. */
    public String ensureDatabase(ServiceDatabase db, String password) {
        try {
            PostgresServer.ensureDatabase(adminJdbcUrl(), (String) attribute("AdminUser"),
                    (String) attribute("AdminPassword"), db, password);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test database " + db.database(), e);
        }
        return PostgresServer.jdbcUrl(adminJdbcUrl(), db.database());
    }

    /** Stops the embedded broker (keeping its data), for tests of what happens while Kafka is down. */
    public void stopKafka() {
        invoke("stopKafka");
    }

    /** Starts the embedded broker again on the same port with the same data. */
    public void startKafka() {
        invoke("startKafka");
    }

    public boolean canStopKafka() {
        return (Boolean) attribute("KafkaControllable");
    }

    private static Map<String, Object> start() {
        Map<String, Object> h = new HashMap<>();
        try {
            String externalPg = System.getenv("QRTRACE_TEST_PG_URL");
            String externalKafka = System.getenv("QRTRACE_TEST_KAFKA_BOOTSTRAP");
            if (externalPg != null && externalKafka != null) {
                h.put("mode", "external");
                h.put("pgUrl", externalPg);
                h.put("pgUser", System.getenv().getOrDefault("QRTRACE_TEST_PG_USER", "postgres"));
                h.put("pgPassword", System.getenv().getOrDefault("QRTRACE_TEST_PG_PASSWORD", ""));
                h.put("bootstrap", externalKafka);
            } else if (!"embedded".equals(System.getenv("QRTRACE_TEST_INFRA")) && ContainerInfrastructure.dockerAvailable()) {
                h.putAll(ContainerInfrastructure.start());
            } else {
                startEmbedded(h);
            }
            KafkaServer.createTopics((String) h.get("bootstrap"));
            return h;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test PostgreSQL and Kafka", e);
        }
    }

    private static void startEmbedded(Map<String, Object> h) throws Exception {
        PostgresServer pg = PostgresServer.start(null, 0, false);
        Path kafkaDir = Files.createTempDirectory("qrtrace-test-kafka");
        AtomicReference<KafkaServer> kafka = new AtomicReference<>(KafkaServer.start(kafkaDir, 0));
        String bootstrap = kafka.get().bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        h.put("mode", "embedded");
        h.put("pgUrl", pg.adminJdbcUrl());
        h.put("pgUser", "postgres");
        h.put("pgPassword", "");
        h.put("bootstrap", bootstrap);
        h.put("kafkaStop", (Runnable) () -> {
            synchronized (kafka) {
                KafkaServer running = kafka.getAndSet(null);
                if (running != null) {
                    running.close();
                }
            }
        });
        h.put("kafkaStart", (Runnable) () -> {
            synchronized (kafka) {
                if (kafka.get() == null) {
                    kafka.set(KafkaServer.start(kafkaDir, port));
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            KafkaServer running = kafka.get();
            if (running != null) {
                running.close();
            }
            try {
                pg.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
        }, "qrtrace-test-infrastructure-stop"));
    }
}
