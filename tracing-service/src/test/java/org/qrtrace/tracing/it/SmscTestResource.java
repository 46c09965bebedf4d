package org.qrtrace.tracing.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Turns the SMS sender on for one test class and points it at a free local port, where the class starts (and stops
 * and starts again) a real {@code SmscServer} in process: the class owns the server so that it can restart it with
 * other settings. Sends at any hour (00:00-24:00), one message per second, with short backoffs. The SMPP password
 * comes from {@code RealInfraTestResource} (DevSecrets.serviceConfig("tracing")), as the local stack hands it.
 */
public class SmscTestResource implements QuarkusTestResourceLifecycleManager {

    static final String SYSTEM_ID = "qrtrace";

    @Override
    public Map<String, String> start() {
        return Map.ofEntries(
                Map.entry("qrtrace.tracing.smpp.enabled", "true"),
                Map.entry("qrtrace.tracing.smpp.host", "127.0.0.1"),
                Map.entry("qrtrace.tracing.smpp.port", String.valueOf(freePort())),
                Map.entry("qrtrace.tracing.smpp.system-id", SYSTEM_ID),
                Map.entry("qrtrace.tracing.smpp.timeout", "PT3S"),
                Map.entry("qrtrace.tracing.notifications.window-start", "00:00"),
                Map.entry("qrtrace.tracing.notifications.window-end", "24:00"),
                Map.entry("qrtrace.tracing.notifications.rate-per-second", "1"),
                Map.entry("qrtrace.tracing.notifications.retry-backoff", "PT0.5S"),
                Map.entry("qrtrace.tracing.notifications.max-retry-backoff", "PT1S"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
