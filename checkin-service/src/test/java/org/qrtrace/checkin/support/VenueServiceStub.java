package org.qrtrace.checkin.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Stands in for venue-service's public {@code GET /api/v1/qr-keys} (the agreed wire contract) with a JDK HTTP server
 * on a random port, serving the keys of {@link QrTestKeys} as they are at each request. Also sets the test limits.
 */
public class VenueServiceStub implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        QrTestKeys.primary();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/qr-keys", exchange -> {
            StringJoiner keys = new StringJoiner(",");
            QrTestKeys.published().forEach((kid, x) -> keys.add("{\"kid\":\"" + kid + "\",\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\""
                    + x + "\",\"status\":\"ACTIVE\",\"createdAt\":\"2026-11-01T00:00:00Z\"}"));
            byte[] body = ("{\"keys\":[" + keys + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return Map.of(
                "qrtrace.checkin.venue-service.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "qrtrace.checkin.venue-service.unknown-key-refetch-interval", "PT0.5S",
                // Tests share one address; the per-code limit is low so that RateLimitTest can reach it.
                "qrtrace.checkin.rate-limit.per-address-burst", "100000",
                "qrtrace.checkin.rate-limit.per-address-per-minute", "100000",
                "qrtrace.checkin.rate-limit.per-token-burst", "12",
                "qrtrace.checkin.rate-limit.per-token-per-minute", "12",
                // low enough for GateBatchTest to reach; each test venue's device token is a device of its own
                "qrtrace.checkin.rate-limit.per-device-burst", "40",
                "qrtrace.checkin.rate-limit.per-device-per-minute", "40",
                // a category whose visits end at once, to test a check-out after the automatic end
                "qrtrace.checkin.stay.by-category.TEST_INSTANT", "PT1S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
