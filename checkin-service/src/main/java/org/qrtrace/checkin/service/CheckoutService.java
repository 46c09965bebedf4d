package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.CheckoutCapability;
import org.qrtrace.checkin.domain.RecordingUnavailable;
import org.qrtrace.checkin.domain.UnknownCheckoutLink;
import org.qrtrace.checkin.domain.VisitAlreadyEnded;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.EventEnvelope;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * A visitor ends a visit with the link from the check-in answer. The link's secret carries what {@code CheckedOut}
 * needs ({@link CheckoutLinks}), so this works after a restart too. Repeated clicks answer the first check-out; the event
 * id derives from the check-in id, so even a check-out repeated after a restart is one event for consumers.
 */
@ApplicationScoped
public class CheckoutService {

    /** What the visitor is told: the visit and when it ended. */
    public record CheckoutResult(UUID checkinId, Instant checkedOutAt) {
    }

    private final CheckoutLinks links;
    private final VisitRecorder recorder;
    private final Clock clock;
    private final CheckinConfig config;
    private final ResponseCache<UUID, CheckoutResult> done;

    @Inject
    public CheckoutService(CheckoutLinks links, VisitRecorder recorder, Clock clock, CheckinConfig config) {
        this.links = links;
        this.recorder = recorder;
        this.clock = clock;
        this.config = config;
        this.done = new ResponseCache<>(config.visits().idempotencyCacheSize(), config.visits().idempotencyRetention());
    }

    /**
     * @throws UnknownCheckoutLink when the link is not valid for this check-in; the stage fails with
     *                             {@link VisitAlreadyEnded} when the visit already ended by itself, with
     *                             {@link RecordingUnavailable} when Kafka cannot take the check-out
     */
    public CompletionStage<CheckoutResult> checkOut(UUID checkinId, String secret) {
        CheckoutCapability capability = links.open(checkinId, secret)
                .orElseThrow(UnknownCheckoutLink::new);
        ResponseCache.Claim<CheckoutResult> claim = done.claim(checkinId, "");
        if (claim instanceof ResponseCache.Replay<CheckoutResult> replay) {
            return Failures.mapKafkaFailure(replay.result(), config.kafka().retryAfterSeconds());
        }
        ResponseCache.Owner<CheckoutResult> owner = (ResponseCache.Owner<CheckoutResult>) claim;
        Instant now = clock.instant();
        if (!now.isBefore(capability.autoCheckoutAt())) {
            CompletionStage<CheckoutResult> ended = java.util.concurrent.CompletableFuture.failedFuture(
                    new VisitAlreadyEnded(capability.autoCheckoutAt()));
            return owner.complete(ended);
        }
        CheckedOut event = new CheckedOut(checkinId, capability.venueId(), capability.pseudonym(), now, CheckedOut.Source.VISITOR);
        return owner.complete(() -> Failures.mapKafkaFailure(
                recorder.checkOut(EventEnvelope.deterministicId("qrtrace.checkout", checkinId.toString()), event, null)
                        .thenApply(ok -> new CheckoutResult(checkinId, now)),
                config.kafka().retryAfterSeconds()));
    }
}
