package org.qrtrace.checkin.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.Visit;
import org.qrtrace.checkin.messaging.EventPublisher;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.EventEnvelope;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Records visits Kafka-first: a new visit is answered only after its {@code CheckedIn} was acknowledged; a scan that
 * falls within the person's open visit at the venue joins it without a new event.
 */
@ApplicationScoped
public class VisitRecorder {

    static final String PRODUCER = "checkin-service";

    private final VisitRegistry visits;
    private final EventPublisher publisher;
    private final MeterRegistry registry;

    @Inject
    public VisitRecorder(VisitRegistry visits, EventPublisher publisher, MeterRegistry registry) {
        this.visits = visits;
        this.publisher = publisher;
        this.registry = registry;
    }

    /** True when publishing cannot block the caller (see {@link EventPublisher#sendsWithoutBlocking()}). */
    public boolean publishesWithoutBlocking() {
        return publisher.sendsWithoutBlocking();
    }

    /**
     * The visit a check-in was recorded as: a new one (its {@code CheckedIn} acknowledged) or the person's open visit at
     * the venue that the scan joined (no new event). Remembered for an Idempotency-Key, so it holds the visit itself
     * rather than an answer made of it (the answer is made again for each request, see {@code CheckinService}).
     */
    public record Recorded(Visit visit, boolean newVisit) {
    }

    /**
     * @param waiting    who waits for the answer (a visitor is answered sooner than a gate device)
     * @param person     the person at the venue ({@code point}'s venue)
     * @param dependants how many people were checked in with the visitor
     * @param event      builds the {@code CheckedIn} for the new visit's times (only called when the visit is new)
     */
    public CompletionStage<Recorded> checkIn(EventPublisher.Waiting waiting, CheckinPoint point, UUID eventId,
                                             UUID checkinId, Visit.Key person, Instant checkedInAt,
                                             Instant autoCheckoutAt, int dependants, Function<Visit, CheckedIn> event) {
        Visit candidate = new Visit(checkinId, person, point.venueName(), point.entranceName(), checkedInAt,
                autoCheckoutAt, dependants);
        Visit visit = visits.openOrJoin(candidate);
        if (visit != candidate) {
            registry.counter("checkin.visits.joined").increment();
            return visit.acknowledged().thenApply(ok -> new Recorded(visit, false));
        }
        CheckedIn payload;
        try {
            payload = event.apply(candidate);
        } catch (RuntimeException e) {
            // never leave a registered visit whose outcome would not complete: later scans would wait for it
            visits.forget(candidate);
            candidate.acknowledged().completeExceptionally(e);
            throw e;
        }
        publisher.publish(EventEnvelope.of(eventId, checkedInAt, PRODUCER, payload), waiting).whenComplete((ok, error) -> {
            if (error != null) {
                visits.forget(candidate);
                registry.counter("checkin.visits.unavailable").increment();
                candidate.acknowledged().completeExceptionally(error);
            } else {
                registry.counter("checkin.visits.new", "source", payload.source().name()).increment();
                candidate.acknowledged().complete(null);
            }
        });
        return candidate.acknowledged().thenApply(ok -> new Recorded(candidate, true));
    }

    /**
     * Ends a visit: it is no longer open from now on (so a later scan starts a new visit), and its {@code CheckedOut}
     * is published once the visit's own check-in was acknowledged (a gate batch may hold both).
     *
     * @param openVisit the visit being ended when this instance still holds it, else null
     */
    public CompletionStage<Void> checkOut(UUID eventId, CheckedOut payload, Visit openVisit) {
        visits.close(Visit.Key.of(payload.venueId(), payload.pseudonym()), payload.checkinId());
        CompletionStage<?> checkedIn = openVisit == null ? CompletableFuture.completedFuture(null) : openVisit.acknowledged();
        return checkedIn.thenCompose(ok -> publisher.publish(EventEnvelope.of(eventId, payload.checkedOutAt(), PRODUCER,
                        payload), EventPublisher.Waiting.DEVICE))
                .whenComplete((ok, error) -> {
                    if (error != null && openVisit != null) {
                        visits.reopen(openVisit);
                    }
                    registry.counter("checkin.checkouts", "result", error == null ? "ok" : "unavailable",
                            "source", payload.source().name()).increment();
                });
    }
}
