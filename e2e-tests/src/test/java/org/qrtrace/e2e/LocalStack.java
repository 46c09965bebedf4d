package org.qrtrace.e2e;

import org.qrtrace.deploy.DevKeys;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as a user starts it: {@code ./deploy/run-local --detach} on free ports, in a stack folder of this
 * module's own, stopped with {@code ./deploy/stop-local}.
 */
final class LocalStack implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private final Map<String, String> env = new HashMap<>();
    private final Path stackDir;
    final int venuePort;
    final int checkinPort;
    final int tracingPort;
    final int smscHttpPort;
    final int keycloakPort;
    final int consolePort;

    private LocalStack(Path stackDir) throws IOException {
        this.stackDir = stackDir;
        venuePort = freePort();
        checkinPort = freePort();
        tracingPort = freePort();
        env.put("QRTRACE_STACK_DIR", stackDir.toString());
        env.put("PG_PORT", String.valueOf(freePort()));
        env.put("KAFKA_PORT", String.valueOf(freePort()));
        env.put("SMSC_PORT", String.valueOf(freePort()));
        smscHttpPort = freePort();
        env.put("SMSC_HTTP_PORT", String.valueOf(smscHttpPort));
        // SMS go at any hour here, so that what the tests check does not depend on when they run (production: 07-21).
        env.put("TRACING_EXTRA_ENV", "QRTRACE_TRACING_NOTIFICATIONS_WINDOW_START=00:00 "
                + "QRTRACE_TRACING_NOTIFICATIONS_WINDOW_END=24:00");
        env.put("VENUE_PORT", String.valueOf(venuePort));
        env.put("CHECKIN_PORT", String.valueOf(checkinPort));
        env.put("TRACING_PORT", String.valueOf(tracingPort));
        keycloakPort = freePort();
        consolePort = freePort();
        env.put("KEYCLOAK_PORT", String.valueOf(keycloakPort));
        env.put("CONSOLE_PORT", String.valueOf(consolePort));
    }

    private static LocalStack shared;

    /** One system for all end-to-end test classes of this JVM, stopped when the JVM exits. */
    static synchronized LocalStack shared() throws Exception {
        if (shared == null) {
            Path dir = Path.of("target", "e2e-stack").toAbsolutePath();
            deleteRecursively(dir);
            LocalStack stack = new LocalStack(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stack.close();
                } catch (Exception e) {
                    System.err.println("stopping the e2e stack failed: " + e);
                }
            }));
            try {
                stack.run(Duration.ofMinutes(6), "deploy/run-local", "--detach");
            } catch (Exception e) {
                stack.close();
                throw e;
            }
            shared = stack;
        }
        return shared;
    }

    String venueUrl() {
        return "http://127.0.0.1:" + venuePort;
    }

    String checkinUrl() {
        return "http://127.0.0.1:" + checkinPort;
    }

    String tracingUrl() {
        return "http://127.0.0.1:" + tracingPort;
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + consolePort;
    }

    /** The issuer of the stack's Keycloak realm (its discovery document is below it). */
    String keycloakIssuer() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/qrtrace";
    }

    /**
     * An access token of a demo user from the stack's real Keycloak, by the password grant of the realm's development
     * client {@code qrtrace-cli} (the browser test signs in on Keycloak's login page instead).
     */
    String keycloakToken(String username, String password) {
        return io.restassured.RestAssured.given().formParam("grant_type", "password")
                .formParam("client_id", "qrtrace-cli").formParam("username", username).formParam("password", password)
                .post(keycloakIssuer() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** target/.../demo-users.json as run-local wrote it. */
    String demoUsers() throws IOException {
        return Files.readString(stackDir.resolve("demo-users.json"));
    }

    /** What the local SMSC received (JSON: destination, text, receivedAt, messageId, ...). */
    String smscMessagesUrl() {
        return "http://127.0.0.1:" + smscHttpPort + "/messages";
    }

    /**
     * Waits until checkin-service and tracing-service have heard of a venue just registered (venue events travel
     * through the outbox and Kafka): a check-in page that opens, and a presence read that finds the venue.
     */
    void awaitVenueKnown(String venueId, String qrUrl) {
        String officer = token("health-officer", null, "30");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                io.restassured.RestAssured.given().redirects().follow(false).get(qrUrl).statusCode() == 200
                        && io.restassured.RestAssured.given().auth().oauth2(officer)
                        .queryParam("from", java.time.Instant.now().minusSeconds(60).toString())
                        .queryParam("to", java.time.Instant.now().toString())
                        .queryParam("caseReference", "E2E-WAIT")
                        .get(tracingUrl() + "/api/v1/venues/" + venueId + "/presence").statusCode() == 200);
    }

    DevKeys keys() {
        return DevKeys.loadOrCreate(stackDir.resolve("keys"));
    }

    String token(String role, List<String> venues, String jurisdiction) {
        return keys().mint(role, venues, jurisdiction, null, Duration.ofHours(1));
    }

    String secret(String name) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(stackDir.resolve("secrets.env"))));
        return p.getProperty(name);
    }

    @Override
    public void close() throws Exception {
        run(Duration.ofMinutes(2), "deploy/stop-local");
    }

    private void run(Duration timeout, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(stackDir.getParent().resolve("e2e-" + Path.of(command[0]).getFileName() + ".log").toFile());
        Files.createDirectories(stackDir);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
        }
        if (p.exitValue() != 0) {
            String log = Files.readString(stackDir.getParent().resolve("e2e-" + Path.of(command[0]).getFileName() + ".log"));
            throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
