package org.qrtrace.deploy;

import org.qrtrace.deploy.infra.KafkaServer;
import org.qrtrace.deploy.infra.PostgresServer;
import org.qrtrace.deploy.infra.ServiceDatabase;
import org.qrtrace.deploy.infra.SmscServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The Java half of {@code ./deploy/run-local}: each infrastructure server runs as its own process (so a fault test can
 * kill one), started by the shell script, which also starts the services.
 *
 * <pre>
 *   init     STACK_DIR                 create dev keys and secrets (once)
 *   postgres STACK_DIR PORT            run PostgreSQL with data in STACK_DIR/postgres, service databases ensured
 *   kafka    STACK_DIR PORT            run a KRaft broker with data in STACK_DIR/kafka, topics ensured
 *   kafka-node STACK_DIR NODE PORT CONTROLLER_PORT VOTERS
 *                                      run node NODE of a cluster (--cluster) with data in STACK_DIR/kafka-NODE; the
 *                                      topics ensured with one copy per voter once that many brokers run
 *   smsc     STACK_DIR PORT HTTP_PORT  run the local SMSC (SMPP 3.4), messages in STACK_DIR/smsc/messages.jsonl and on
 *                                      http://127.0.0.1:HTTP_PORT/messages; settings from SMSC_* variables (below)
 *   tokens   STACK_DIR JURISDICTION    write STACK_DIR/dev-tokens.json
 *   token    STACK_DIR --role R [--venue ID]... [--jurisdiction C] [--org O] [--hours N]
 *   users    STACK_DIR REALM_FILE ISSUER   write STACK_DIR/demo-users.json (the realm's demo users, by role)
 * </pre>
 */
public final class LocalStackMain {

    /** The system id the local stack's SMS sender binds with (unless QRTRACE_SMPP_SYSTEM_ID says another). */
    public static final String SMPP_SYSTEM_ID = "qrtrace";

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage("missing arguments");
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "init" -> {
                DevKeys.loadOrCreate(dir.resolve("keys"));
                DevSecrets.loadOrCreate(dir);
                clusterId(dir);
                Files.writeString(dir.resolve("keys").resolve("jwt-public.pem"),
                        DevKeys.loadOrCreate(dir.resolve("keys")).publicKeyPem());
            }
            case "postgres" -> runPostgres(dir, port(args));
            case "kafka" -> runKafka(dir, port(args));
            case "kafka-node" -> runKafkaNode(dir, args);
            case "smsc" -> runSmsc(dir, port(args), args.length > 3 ? Integer.parseInt(args[3]) : missing("HTTP port"));
            case "tokens" -> writeTokens(dir, args.length > 2 ? args[2] : "30");
            case "token" -> System.out.println(token(dir, args));
            // realm OUT REALM DEMO: the local Keycloak's import file, the production realm with the demo part added
            case "realm" -> DemoUsers.writeRealm(dir, Path.of(args.length > 2 ? args[2] : missingText("realm file")),
                    Path.of(args.length > 3 ? args[3] : missingText("demo realm file")));
            case "users" -> DemoUsers.write(dir, Path.of(args.length > 2 ? args[2] : missingText("realm file")),
                    args.length > 3 ? args[3] : missingText("issuer"));
            default -> usage("unknown command " + args[0]);
        }
    }

    private static int port(String[] args) {
        if (args.length < 3) {
            usage("missing port");
        }
        return Integer.parseInt(args[2]);
    }

    private static String missingText(String what) {
        usage("missing " + what);
        return null;
    }

    private static int missing(String what) {
        usage("missing " + what);
        return 0;
    }

    private static void runPostgres(Path dir, int port) throws Exception {
        DevSecrets secrets = DevSecrets.loadOrCreate(dir);
        Path data = dir.resolve("postgres");
        PostgresServer pg = PostgresServer.start(data, port, true);
        for (ServiceDatabase db : ServiceDatabase.ALL) {
            PostgresServer.ensureDatabase(pg.adminJdbcUrl(), "postgres", "", db, secrets.dbPassword(db));
        }
        System.out.println("postgres ready on 127.0.0.1:" + pg.port() + " data " + data);
        blockUntilStopped(pg);
    }

    private static void runKafka(Path dir, int port) throws Exception {
        Path data = dir.resolve("kafka");
        Files.createDirectories(data);
        KafkaServer kafka = KafkaServer.start(data, port);
        KafkaServer.createTopics(kafka.bootstrapServers());
        System.out.println("kafka ready on " + kafka.bootstrapServers() + " data " + data);
        blockUntilStopped(kafka);
    }

    private static void runKafkaNode(Path dir, String[] args) throws Exception {
        if (args.length < 6) {
            usage("kafka-node needs NODE PORT CONTROLLER_PORT VOTERS");
        }
        int node = Integer.parseInt(args[2]);
        String voters = args[5];
        Path data = dir.resolve("kafka-" + node);
        Files.createDirectories(data);
        KafkaServer kafka = KafkaServer.startClusterNode(data, node, Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), voters, clusterId(dir));
        // Every node ensures the topics: whichever runs first waits until all voters have registered as brokers.
        KafkaServer.createTopics(kafka.bootstrapServers(), voters.split(",").length, Duration.ofMinutes(10));
        System.out.println("kafka ready on " + kafka.bootstrapServers() + " (node " + node + " of " + voters + ") data "
                + data);
        blockUntilStopped(kafka);
    }

    /** The id a new cluster's nodes are formatted with, chosen once per stack directory (by {@code init}). */
    private static String clusterId(Path dir) throws java.io.IOException {
        Path file = dir.resolve("kafka-cluster-id");
        if (!Files.exists(file)) {
            DevKeys.writeAtomically(file, org.apache.kafka.common.Uuid.randomUuid().toString());
        }
        return Files.readString(file).strip();
    }

    /**
     * The SMSC binds system id {@code QRTRACE_SMPP_SYSTEM_ID} (default {@value #SMPP_SYSTEM_ID}) with the generated
     * {@code QRTRACE_SMPP_PASSWORD}. Optional settings: {@code SMSC_RECEIPT_DELAY} (ISO-8601 duration),
     * {@code SMSC_FAILURE_RATE} (0 to 1), {@code SMSC_FAILURE_SEED}, {@code SMSC_MAX_SUBMITS_PER_SECOND} (0: no limit).
     */
    private static void runSmsc(Path dir, int port, int httpPort) throws Exception {
        SmscServer.Config defaults = SmscServer.Config.of(env("QRTRACE_SMPP_SYSTEM_ID", SMPP_SYSTEM_ID),
                DevSecrets.loadOrCreate(dir).get("QRTRACE_SMPP_PASSWORD"));
        Path log = dir.resolve("smsc").resolve("messages.jsonl");
        SmscServer.Config config = defaults.withPorts(port, httpPort).withMessageLog(log)
                .withReceiptDelay(Duration.parse(env("SMSC_RECEIPT_DELAY", defaults.receiptDelay().toString())))
                .withFailures(Double.parseDouble(env("SMSC_FAILURE_RATE", String.valueOf(defaults.failureRate()))),
                        Long.parseLong(env("SMSC_FAILURE_SEED", String.valueOf(defaults.failureSeed()))))
                .withMaxSubmitsPerSecond(Integer.parseInt(env("SMSC_MAX_SUBMITS_PER_SECOND",
                        String.valueOf(defaults.maxSubmitsPerSecond()))));
        SmscServer smsc = SmscServer.start(config);
        System.out.println("smsc ready on 127.0.0.1:" + smsc.port() + " (SMPP 3.4, system id " + config.systemId()
                + "), messages on http://127.0.0.1:" + smsc.httpPort() + "/messages and in " + log + " ("
                + smsc.messageCount() + " so far); receipts after " + config.receiptDelay() + ", failure rate "
                + config.failureRate() + " (seed " + config.failureSeed() + "), max submits/s "
                + (config.maxSubmitsPerSecond() == 0 ? "unlimited" : config.maxSubmitsPerSecond()));
        blockUntilStopped(smsc);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void blockUntilStopped(AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            }
            stopped.countDown();
        }, "stop"));
        stopped.await();
    }

    private static void writeTokens(Path dir, String jurisdiction) throws Exception {
        DevKeys keys = DevKeys.loadOrCreate(dir.resolve("keys"));
        Duration ttl = Duration.ofDays(30);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", keys.mint("admin", null, null, null, ttl));
        tokens.put("venue-manager", keys.mint("venue-manager", null, null, "demo-org", ttl));
        tokens.put("health-officer", keys.mint("health-officer", null, jurisdiction, null, ttl));
        tokens.put("gate-device", keys.mint("gate-device", null, null, null, ttl));
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": \"").append(e.getValue()).append('"')
                    .append(++i < tokens.size() ? ",\n" : "\n");
        }
        json.append("}\n");
        DevKeys.writeAtomically(dir.resolve("dev-tokens.json"), json.toString());
    }

    private static String token(Path dir, String[] args) {
        String role = null;
        String jurisdiction = null;
        String org = null;
        long hours = 24;
        List<String> venues = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role" -> role = value;
                case "--venue" -> venues.add(value);
                case "--jurisdiction" -> jurisdiction = value;
                case "--org" -> org = value;
                case "--hours" -> hours = Long.parseLong(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        if (role == null || !List.of("admin", "venue-manager", "health-officer", "gate-device").contains(role)) {
            usage("--role must be one of admin, venue-manager, health-officer, gate-device");
        }
        return DevKeys.loadOrCreate(dir.resolve("keys")).mint(role, venues, jurisdiction, org, Duration.ofHours(hours));
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: dev-token --role admin|venue-manager|health-officer|gate-device [--venue ID]... "
                + "[--jurisdiction CODE] [--org ORG] [--hours N]");
        System.exit(2);
    }
}
