package org.qrtrace.deploy.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the local SMSC received, over HTTP on 127.0.0.1: {@code GET /messages} (a JSON array, oldest first, the fields of
 * {@link SmscMessage}) and {@code DELETE /messages} (forget them all; for tests).
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
                    respond(exchange, 200, json(log));
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
        server.start();
        return new SmscHttpApi(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static String json(SmscMessageLog log) {
        List<SmscMessage> messages = log.all();
        if (messages.isEmpty()) {
            return "[]\n";
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        messages.forEach(m -> array.add(m.toJson()));
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeArray(array.build());
        }
        return out.toString().strip() + "\n";
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
