package org.qrtrace.checkin.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for tracing-service's public exposure-site feed ({@code GET /api/v1/exposure-sites}, the agreed contract:
 * no token, {@code Access-Control-Allow-Origin: *}, {@code Cache-Control: public, max-age=60}) with a JDK HTTP server on
 * a random port, and records every request it gets, on any path and with any method, so that a test can check what a
 * browser sent it. Its address is 127.0.0.1, the service under test is opened as localhost: another origin, as in
 * production. Sets {@code qrtrace.checkin.exposure-sites.*}. What it serves and what it received are kept in files
 * under {@code target/exposure-feed-stub/}, as {@link QrTestKeys} shares its keys, so that the test resource and the
 * tests see the same state whichever class loader each runs in.
 */
public class ExposureFeedStub implements QuarkusTestResourceLifecycleManager {

    public static final String FEED_PATH = "/api/v1/exposure-sites";
    public static final String PAGE_PATH = "/exposure-sites";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One published site, as the contract has it. */
    public record Site(UUID id, UUID venueId, String venueName, String address, String adminUnitCode, Instant from,
                       Instant to, String advice, Instant publishedAt) {
    }

    /** A request as the stub received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    }

    private static final Path DIR = Path.of("target", "exposure-feed-stub");
    private static final Path FEED = DIR.resolve("feed.json");
    private static final Path RECEIVED = DIR.resolve("received.jsonl");
    private static final Path ORIGIN = DIR.resolve("origin");
    private HttpServer server;

    /** Serves these sites from now on. */
    public static synchronized void publish(Instant generatedAt, List<Site> sites) {
        write(FEED, render(generatedAt, sites));
    }

    /** Answers 503 (as a proxy in front of a stopped service would, without CORS headers) until the next publish. */
    public static synchronized void down() {
        try {
            Files.deleteIfExists(FEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request received since the last {@link #forget()}, in order. */
    public static synchronized List<Received> received() {
        try {
            if (!Files.exists(RECEIVED)) {
                return List.of();
            }
            List<Received> all = new ArrayList<>();
            for (String line : Files.readAllLines(RECEIVED, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    all.add(JSON.readValue(line, Received.class));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized void forget() {
        try {
            Files.deleteIfExists(RECEIVED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stub's origin ({@code http://127.0.0.1:port}): another origin than the service under test's. */
    public static String origin() {
        try {
            return Files.readString(ORIGIN, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        write(ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
        publish(Instant.now(), List.of());
        forget();
        return Map.of(
                "qrtrace.checkin.exposure-sites.feed-url", origin + FEED_PATH,
                "qrtrace.checkin.exposure-sites.page-url", origin + PAGE_PATH);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        byte[] feed;
        synchronized (ExposureFeedStub.class) {
            byte[] line = JSON.writeValueAsBytes(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body));
            Files.write(RECEIVED, (new String(line, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            feed = Files.exists(FEED) ? Files.readAllBytes(FEED) : null;
        }
        if (!"GET".equals(exchange.getRequestMethod()) || !FEED_PATH.equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8), false);
        } else if (feed == null) {
            send(exchange, 503, "text/plain", "Service Unavailable".getBytes(StandardCharsets.UTF_8), false);
        } else {
            send(exchange, 200, "application/json", feed, true);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean feed) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        if (feed) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=60");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] render(Instant generatedAt, List<Site> sites) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Site s : sites) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id().toString());
            m.put("venueId", s.venueId().toString());
            m.put("venueName", s.venueName());
            m.put("address", s.address());
            m.put("adminUnitCode", s.adminUnitCode());
            m.put("from", s.from().toString());
            m.put("to", s.to().toString());
            m.put("advice", s.advice());
            m.put("publishedAt", s.publishedAt().toString());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generatedAt", generatedAt.toString());
        root.put("sites", list);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(DIR);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
