package org.qrtrace.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qrtrace.deploy.DevKeys;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The running local stack (./deploy/run-local): its URLs, secrets, dev keys, and a few API calls the benchmarks need. */
final class Stack {

    final Path dir;
    final Properties env = new Properties();
    final Properties secrets = new Properties();
    final DevKeys keys;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Stack(Path dir) throws IOException {
        this.dir = dir;
        env.load(new StringReader(Files.readString(dir.resolve("stack.env"))));
        secrets.load(new StringReader(Files.readString(dir.resolve("secrets.env"))));
        keys = DevKeys.loadOrCreate(dir.resolve("keys"));
    }

    /** A superuser connection to one of the stack's databases (benchmarks load and read rows directly). */
    java.sql.Connection database(String name) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + env.getProperty("PGHOST") + ":"
                + env.getProperty("PGPORT") + "/" + name, "postgres", "");
    }

    String url(String service) {
        return env.getProperty(service + "_URL");
    }

    /** Whether this is the cluster ({@code ./deploy/run-local --cluster}): three brokers, two instances per service. */
    boolean cluster() {
        return "true".equals(env.getProperty("CLUSTER"));
    }

    /** checkin-service's instances (two side by side in the cluster, as behind a load balancer). */
    List<String> checkinUrls() {
        return cluster() ? List.of(url("CHECKIN"), url("CHECKIN2")) : List.of(url("CHECKIN"));
    }

    String kafkaBootstrap() {
        return env.getProperty("KAFKA_BOOTSTRAP");
    }

    String token(String role, List<String> venues, String jurisdiction) {
        return keys.mint(role, venues, jurisdiction, null, Duration.ofHours(4));
    }

    JsonNode createVenue(String name, String category, String adminUnit) throws Exception {
        Map<String, Object> body = Map.of("name", name, "category", category, "adminUnitCode", adminUnit,
                "address", "Benchmark " + System.nanoTime(), "contactPhone", "0220 3890 000", "capacity", 100000,
                "entrances", List.of(Map.of("name", "Cổng chính")));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("VENUE") + "/api/v1/venues"))
                .header("Authorization", "Bearer " + token("admin", null, null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating a venue answered " + r.statusCode() + ": " + r.body());
        }
        return json.readTree(r.body());
    }

    /**
     * The Java runtime and JVM options checkin-service runs with (e.g. "Java 17.0.15 (Debian) -Xmx1g"), for the results'
     * header: the same code measured ~30 % more CPU per check-in on Java 25 than on 17 here (docs/benchmarks.md).
     */
    String checkinRuntime() {
        try {
            ProcessHandle.Info info = ProcessHandle.of(CpuMeter.pidOf(dir, "checkin-service")).orElseThrow().info();
            Path home = Path.of(info.command().orElseThrow()).toRealPath().getParent().getParent();
            Properties release = new Properties();
            release.load(new StringReader(Files.readString(home.resolve("release"))));
            StringBuilder out = new StringBuilder("Java ").append(unquote(release.getProperty("JAVA_VERSION", "?")))
                    .append(" (").append(unquote(release.getProperty("IMPLEMENTOR", "?"))).append(')');
            for (String arg : info.arguments().orElse(new String[0])) {
                if (arg.equals("-jar")) {
                    break;
                }
                out.append(' ').append(arg);
            }
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String unquote(String s) {
        return s.replace("\"", "");
    }

    static String tokenOf(String qrUrl) {
        return qrUrl.substring(qrUrl.lastIndexOf('/') + 1);
    }
}
