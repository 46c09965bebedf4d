package org.qrtrace.tracing.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready when the event consumer thread has died: the presence store would silently stop filling. */
@Readiness
@ApplicationScoped
public class EventConsumerHealth implements HealthCheck {

    private final EventConsumer consumer;

    EventConsumerHealth(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Event consumer").status(consumer.healthy()).build();
    }
}
