package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.CheckinOutcome;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.CheckinReceipt;
import org.qrtrace.checkin.domain.IdempotencyKeyReused;
import org.qrtrace.checkin.domain.InvalidVisitor;
import org.qrtrace.checkin.domain.QrCodeRefused;
import org.qrtrace.checkin.domain.RecordingUnavailable;
import org.qrtrace.checkin.messaging.EventPublisher;
import org.qrtrace.checkin.domain.TooManyCheckins;
import org.qrtrace.checkin.domain.Visit;
import org.qrtrace.common.error.DomainException;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.EventEnvelope;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * A visitor's check-in (web page or API): verify the code, normalise the visitor, then record the visit Kafka-first.
 * With an Idempotency-Key the event and check-in ids derive from (venue, key), so a retry is the same check-in with the
 * same answer; the same person at the same venue within the duplicate window is the same visit.
 */
@ApplicationScoped
public class CheckinService {

    private final TokenVerifier verifier;
    private final RateLimiter rateLimiter;
    private final ContactProtector protector;
    private final StayPolicy stays;
    private final VisitRecorder recorder;
    private final Clock clock;
    private final CheckoutLinks links;
    private final CheckinConfig config;
    private final ResponseCache<ResponseCache.VenueKey, VisitRecorder.Recorded> responses;

    /** What an Idempotency-Key stands for: a check-in of this person through this entrance (null: the venue's code). */
    private record Request(Visit.Key person, UUID entranceId) {
    }

    @Inject
    public CheckinService(TokenVerifier verifier, RateLimiter rateLimiter, ContactProtector protector, StayPolicy stays,
                          VisitRecorder recorder, CheckoutLinks links, Clock clock, CheckinConfig config) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
        this.protector = protector;
        this.stays = stays;
        this.recorder = recorder;
        this.links = links;
        this.clock = clock;
        this.config = config;
        this.responses = new ResponseCache<>(config.visits().idempotencyCacheSize(), config.visits().idempotencyRetention());
    }

    /**
     * The venue and entrance of a code, for the check-in page.
     *
     * @throws DomainException a {@link QrCodeRefused} when the code is refused
     */
    public CheckinPoint describe(String token) {
        return verifier.verify(token, clock.instant());
    }

    /**
     * True when {@link #checkIn} may block (its code names a QR key not fetched yet, or Kafka's metadata is not known
     * yet); otherwise it only computes and hands the event to the producer, and may run on an event loop.
     */
    public boolean mayBlock(CheckinCommand c) {
        return verifier.needsKeyFetch(c.token()) || !recorder.publishesWithoutBlocking();
    }

    /**
     * @throws DomainException synchronously, before anything is recorded: a {@link QrCodeRefused} when the code is
     *                         refused, {@link TooManyCheckins}, {@link InvalidVisitor} naming every field at fault,
     *                         {@link IdempotencyKeyReused}; the stage fails with {@link RecordingUnavailable} when Kafka
     *                         cannot take the check-in
     */
    public CompletionStage<CheckinOutcome> checkIn(CheckinCommand c) {
        Instant now = clock.instant();
        CheckinPoint point = verifier.verify(c.token(), now);
        rateLimiter.admit(c.clientAddress(), c.token());
        VisitorValidator.Visitor visitor = VisitorValidator.validate(c, config.visits().maxDependants());
        String pseudonym = protector.pseudonymOf(visitor.phone());
        Visit.Key person = Visit.Key.of(point.venueId(), pseudonym);

        if (c.idempotencyKey() == null) {
            return answer(record(point, visitor, person, pseudonym, UUID.randomUUID(), UUID.randomUUID(), now, c.source()));
        }
        ResponseCache.VenueKey key = new ResponseCache.VenueKey(point.venueId(), c.idempotencyKey());
        ResponseCache.Claim<VisitRecorder.Recorded> claim = responses.claim(key, new Request(person, point.entranceId()));
        if (claim instanceof ResponseCache.Replay<VisitRecorder.Recorded> replay) {
            return answer(replay.result());
        }
        if (claim instanceof ResponseCache.Conflict<VisitRecorder.Recorded>) {
            throw new IdempotencyKeyReused();
        }
        ResponseCache.Owner<VisitRecorder.Recorded> owner = (ResponseCache.Owner<VisitRecorder.Recorded>) claim;
        String scoped = key.scoped();
        return answer(owner.complete(() -> record(point, visitor, person, pseudonym,
                EventEnvelope.deterministicId("qrtrace.checkin-event", scoped),
                EventEnvelope.deterministicId("qrtrace.checkin", scoped), now, c.source())));
    }

    private CompletionStage<VisitRecorder.Recorded> record(CheckinPoint point, VisitorValidator.Visitor visitor,
                                                           Visit.Key person, String pseudonym, UUID eventId,
                                                           UUID checkinId, Instant now, CheckedIn.Source source) {
        Instant autoCheckoutAt = stays.autoCheckoutAt(point.category(), now);
        return recorder.checkIn(EventPublisher.Waiting.VISITOR, point, eventId, checkinId, person, now, autoCheckoutAt,
                visitor.dependants().size(),
                visit -> new CheckedIn(checkinId, point.venueId(), point.entranceId(), pseudonym,
                        protector.seal(visitor.phone(), visitor.name()), now, autoCheckoutAt, source, null, false,
                        visitor.declaration(), dependants(visitor)));
    }

    /**
     * The visitor's answer, made from the visit for each request (a first attempt, its retries, a repeated scan):
     * nothing of it is kept but the visit, and the check-out link minted again is the same link ({@link CheckoutLinks}).
     */
    private CompletionStage<CheckinOutcome> answer(CompletionStage<VisitRecorder.Recorded> recorded) {
        return Failures.mapKafkaFailure(recorded, config.kafka().retryAfterSeconds()).thenApply(r -> {
            Visit v = r.visit();
            return new CheckinOutcome(r.newVisit(), new CheckinReceipt(v.checkinId(), v.venueId(), v.venueName(),
                    v.entranceName(), v.checkedInAt(), v.autoCheckoutAt(), links.secretFor(v.checkoutCapability()),
                    v.dependants()));
        });
    }

    private List<CheckedIn.Dependant> dependants(VisitorValidator.Visitor visitor) {
        List<CheckedIn.Dependant> out = new ArrayList<>();
        for (VisitorValidator.Dependant d : visitor.dependants()) {
            if (d.phone() != null) {
                out.add(new CheckedIn.Dependant(protector.pseudonymOf(d.phone()), protector.seal(d.phone(), d.name())));
            } else {
                out.add(new CheckedIn.Dependant(protector.pseudonymOfDependant(visitor.phone(), d.name()),
                        protector.seal(visitor.phone(), d.name())));
            }
        }
        return out;
    }
}
