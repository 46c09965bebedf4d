package org.qrtrace.checkin.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.domain.CheckinOutcome;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.CheckinReceipt;
import org.qrtrace.checkin.domain.CheckoutCapability;
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
    private final CheckoutLinks links;
    private final MeterRegistry registry;

    @Inject
    public VisitRecorder(VisitRegistry visits, EventPublisher publisher, CheckoutLinks links, MeterRegistry registry) {
        this.visits = visits;
        this.publisher = publisher;
        this.links = links;
        this.registry = registry;
    }

    /** True when publishing cannot block the caller (see {@link EventPublisher#sendsWithoutBlocking()}). */
    public boolean publishesWithoutBlocking() {
        return publisher.sendsWithoutBlocking();
    }

    /**
     * @param waiting who waits for the answer (a visitor is answered sooner than a gate device)
     * @param event   builds the {@code CheckedIn} for the new visit's times (only called when the visit is new)
     */
    public CompletionStage<CheckinOutcome> checkIn(EventPublisher.Waiting waiting, CheckinPoint point, UUID eventId,
                                                   UUID checkinId, String pseudonym, Instant checkedInAt,
                                                   Instant autoCheckoutAt, int dependants, Function<Visit, CheckedIn> event) {
        Visit candidate = new Visit(checkinId, point.venueId(), pseudonym, checkedInAt, autoCheckoutAt, new CompletableFuture<>());
        Visit visit = visits.openOrJoin(candidate);
        if (visit != candidate) {
            registry.counter("checkin.visits.joined").increment();
            return visit.outcome().thenApply(CheckinOutcome::asExistingVisit);
        }
        CheckedIn payload;
        CheckinReceipt receipt;
        try {
            payload = event.apply(candidate);
            receipt = new CheckinReceipt(checkinId, point.venueId(), point.venueName(), point.entranceName(),
                    checkedInAt, autoCheckoutAt,
                    links.secretFor(new CheckoutCapability(checkinId, point.venueId(), pseudonym, autoCheckoutAt)), dependants);
        } catch (RuntimeException e) {
            // never leave a registered visit whose outcome would not complete: later scans would wait for it
            visits.forget(candidate);
            candidate.outcome().completeExceptionally(e);
            throw e;
        }
        publisher.publish(EventEnvelope.of(eventId, checkedInAt, PRODUCER, payload), waiting).whenComplete((ok, error) -> {
            if (error != null) {
                visits.forget(candidate);
                registry.counter("checkin.visits.unavailable").increment();
                candidate.outcome().completeExceptionally(error);
            } else {
                registry.counter("checkin.visits.new", "source", payload.source().name()).increment();
                candidate.outcome().complete(new CheckinOutcome(true, receipt));
            }
        });
        return candidate.outcome();
    }

    /**
     * Ends a visit: it is no longer open from now on (so a later scan starts a new visit), and its {@code CheckedOut}
     * is published once the visit's own check-in was acknowledged (a gate batch may hold both).
     *
     * @param openVisit the visit being ended when this instance still holds it, else null
     */
    public CompletionStage<Void> checkOut(UUID eventId, CheckedOut payload, Visit openVisit) {
        visits.close(payload.venueId(), payload.pseudonym(), payload.checkinId());
        CompletionStage<?> checkedIn = openVisit == null ? CompletableFuture.completedFuture(null) : openVisit.outcome();
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
