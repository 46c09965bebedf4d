package org.qrtrace.deploy.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.stream.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * What the local SMSC received, over HTTP on 127.0.0.1: {@code GET /messages} (a JSON array, oldest first, the fields of
 * {@link SmscMessage}), {@code DELETE /messages} (forget them all; for tests) and {@code GET /health} (up, and how many
 * messages; what the local stack's readiness check asks).
 */
final class SmscHttpApi implements AutoCloseable {

    private final HttpServer server;

    private SmscHttpApi(HttpServer server) {
        this.server = server;
    }

    static SmscHttpApi start(int port, SmscMessageLog log, Runnable clear) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/messages", exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().equals("/messages")) {
                    respond(exchange, 404, "{\"error\":\"not found\"}");
                } else if (exchange.getRequestMethod().equals("GET")) {
                    stream(exchange, log);
                } else if (exchange.getRequestMethod().equals("DELETE")) {
                    clear.run();
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    exchange.getResponseHeaders().set("Allow", "GET, DELETE");
                    respond(exchange, 405, "{\"error\":\"method not allowed\"}");
                }
            } catch (RuntimeException e) {
                respond(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            } finally {
                exchange.close();
            }
        });
        // For readiness checks: answers at once however many messages there are.
        server.createContext("/health", exchange -> {
            try {
                respond(exchange, 200, "{\"status\":\"UP\",\"messages\":" + log.size() + "}");
            } finally {
                exchange.close();
            }
        });
        server.start();
        return new SmscHttpApi(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * The messages as one pretty-printed JSON array, written as they are read from the log (chunked): a log of tens of
     * thousands of messages is never held in memory whole.
     */
    private static void stream(HttpExchange exchange, SmscMessageLog log) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
             JsonGenerator json = SmscJson.PRETTY.createGenerator(body, StandardCharsets.UTF_8)) {
            json.writeStartArray();
            log.forEach(m -> json.write(m.toJson()));
            json.writeEnd();
            json.flush();
            body.write('\n');
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
