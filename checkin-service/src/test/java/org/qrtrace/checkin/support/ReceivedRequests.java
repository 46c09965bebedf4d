package org.qrtrace.checkin.support;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only: records, while asked to, every HTTP request the service under test receives, before any of its handlers
 * (pages, API, static files) sees it, so that a browser test can tell what a page sent to this service. A bean of the
 * test application: inject it.
 */
@ApplicationScoped
public class ReceivedRequests {

    /** A request line and the headers that would carry a body or state. */
    public record Received(String method, String path, String query, Map<String, String> headers) {

        public boolean hasBody() {
            String length = headers.get("content-length");
            return (length != null && !"0".equals(length)) || headers.containsKey("transfer-encoding");
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    void observe(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (recording) {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                ctx.request().headers().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + ", " + b));
                received.add(new Received(ctx.request().method().name(), ctx.request().path(), ctx.request().query(), headers));
            }
            ctx.next();
        });
    }

    /** Forgets what was recorded and records from now on. */
    public void start() {
        received.clear();
        recording = true;
    }

    /** Stops recording; what was received since {@link #start()}. */
    public List<Received> stop() {
        recording = false;
        return List.copyOf(received);
    }
}
