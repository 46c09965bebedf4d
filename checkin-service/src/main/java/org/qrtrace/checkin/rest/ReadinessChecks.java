package org.qrtrace.checkin.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.qrtrace.checkin.domain.VenueDirectory;
import org.qrtrace.checkin.messaging.VenueEventsReader;
import org.qrtrace.checkin.service.QrKeyRing;

/**
 * This instance is ready only once it can judge codes: the venue directory has read {@code venue.events} up to where
 * it stood at start-up (so no code is refused because the cache was cold), and the QR keys were fetched at least once.
 */
@ApplicationScoped
public class ReadinessChecks {

    private final VenueEventsReader reader;
    private final VenueDirectory directory;
    private final QrKeyRing keys;

    ReadinessChecks(VenueEventsReader reader, VenueDirectory directory, QrKeyRing keys) {
        this.reader = reader;
        this.directory = directory;
        this.keys = keys;
    }

    @Readiness
    HealthCheck venueDirectory() {
        return () -> HealthCheckResponse.named("Venue directory (venue.events)")
                .status(reader.caughtUp())
                .withData("venues", directory.size())
                .withData("startupLag", reader.startupLag())
                .build();
    }

    @Readiness
    HealthCheck qrKeys() {
        return () -> HealthCheckResponse.named("QR verification keys (venue-service)")
                .status(keys.loaded())
                .withData("keys", keys.size())
                .withData("lastFetched", String.valueOf(keys.lastSuccess()))
                .build();
    }
}
