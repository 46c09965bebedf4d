package org.qrtrace.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.checkin.config.CheckinConfig;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.GateDeviceTooFast;
import org.qrtrace.checkin.domain.QrCodeRefused;
import org.qrtrace.checkin.domain.RecordingUnavailable;
import org.qrtrace.checkin.messaging.EventPublisher;
import org.qrtrace.checkin.domain.ScanVerdict;
import org.qrtrace.checkin.domain.TooManyScans;
import org.qrtrace.checkin.domain.Visit;
import org.qrtrace.common.error.DomainException;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.EventEnvelope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/**
 * Judges a gate device's batch scan by scan (one bad scan never rejects the others): scans are applied in scan-time
 * order so that an IN and its OUT pair up even within one batch, and verdicts come back in upload order. Scan times
 * up to {@code maxScanAge} old are accepted (offline devices upload late); times beyond the clock-skew window in the
 * future are rejected; times within it are clamped to the receive time and flagged. A code is judged at the scan time
 * (a code superseded or revoked after the scan still admits that scan). If Kafka cannot take the batch the whole batch
 * fails ({@link RecordingUnavailable}); scans already recorded come back as DUPLICATE when the device retries.
 */
@ApplicationScoped
public class GateBatchService {

    private final TokenVerifier verifier;
    private final ContactProtector protector;
    private final StayPolicy stays;
    private final VisitRecorder recorder;
    private final VisitRegistry visits;
    private final Clock clock;
    private final CheckinConfig config;
    private final ResponseCache<ResponseCache.VenueKey, ScanVerdict> verdicts;
    private final RateLimiter limiter;

    @Inject
    public GateBatchService(TokenVerifier verifier, ContactProtector protector, StayPolicy stays, VisitRecorder recorder,
                            VisitRegistry visits, Clock clock, CheckinConfig config, RateLimiter limiter) {
        this.verifier = verifier;
        this.protector = protector;
        this.stays = stays;
        this.recorder = recorder;
        this.visits = visits;
        this.clock = clock;
        this.config = config;
        this.limiter = limiter;
        this.verdicts = new ResponseCache<>(config.visits().idempotencyCacheSize(), config.visits().idempotencyRetention());
    }

    /**
     * @param device        the authenticated device: the subject of its token (rate limits count by it)
     * @param deviceId      the device id the batch declares (recorded with each check-in)
     * @param allowedVenues the venues of the device's token
     * @throws TooManyScans      for more scans than a batch may hold
     * @throws GateDeviceTooFast when the device uploads faster than its rate (nothing of the batch recorded); the stage
     *                           fails with {@link RecordingUnavailable} when Kafka cannot take the batch
     */
    public CompletionStage<List<ScanVerdict>> process(String device, String deviceId, List<GateScan> scans,
                                                      Set<UUID> allowedVenues) {
        if (scans.size() > config.gate().maxScansPerBatch()) {
            throw new TooManyScans(config.gate().maxScansPerBatch());
        }
        limiter.admitGateScans(device, scans.size());
        Instant receivedAt = clock.instant();
        List<CompletableFuture<ScanVerdict>> results = new ArrayList<>(scans.size());
        List<Instant> times = new ArrayList<>(scans.size());
        for (GateScan scan : scans) {
            results.add(null);
            times.add(scan == null ? null : parseTime(scan.scannedAt()));
        }
        List<Integer> order = IntStream.range(0, scans.size()).boxed()
                .sorted(Comparator.comparing(times::get, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        for (int i : order) {
            results.set(i, judge(deviceId, scans.get(i), times.get(i), receivedAt, allowedVenues).toCompletableFuture());
        }
        return Failures.mapKafkaFailure(CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(ok -> results.stream().map(CompletableFuture::join).toList()), config.kafka().retryAfterSeconds());
    }

    private CompletionStage<ScanVerdict> judge(String deviceId, GateScan scan, Instant scannedAt, Instant receivedAt,
                                               Set<UUID> allowedVenues) {
        if (scan == null) {
            return done(ScanVerdict.rejected(null, "scan: must be an object"));
        }
        String key = scan.idempotencyKey();
        Admitted admitted;
        try {
            admitted = admit(scan, scannedAt, receivedAt, allowedVenues);
        } catch (ScanRefused refused) {
            return done(ScanVerdict.rejected(key, refused.getMessage()));
        }
        ResponseCache.VenueKey venueKey = new ResponseCache.VenueKey(admitted.point().venueId(), key);
        ResponseCache.Claim<ScanVerdict> claim = verdicts.claim(venueKey, new ScanRequest(admitted.person(), admitted.in()));
        if (claim instanceof ResponseCache.Replay<ScanVerdict> replay) {
            return replay.result().thenApply(v -> v.status() == ScanVerdict.Status.ACCEPTED ? v.asDuplicate() : v);
        }
        if (claim instanceof ResponseCache.Conflict<ScanVerdict>) {
            return done(ScanVerdict.rejected(key, "idempotencyKey: already used for a different scan"));
        }
        ResponseCache.Owner<ScanVerdict> owner = (ResponseCache.Owner<ScanVerdict>) claim;
        boolean flagged = scannedAt.isAfter(receivedAt);
        Instant at = flagged ? receivedAt : scannedAt;
        String scoped = venueKey.scoped();
        return owner.complete(() -> admitted.in()
                ? scanIn(deviceId, key, scoped, admitted, at, flagged)
                : scanOut(key, scoped, admitted, at));
    }

    /** A scan that passed every check: its direction, its code as valid at the scan time, the person it records. */
    private record Admitted(boolean in, CheckinPoint point, E164Phone phone, String pseudonym, Visit.Key person) {
    }

    /** What a scan's idempotency key stands for: this person, in or out (the venue is part of the key). */
    private record ScanRequest(Visit.Key person, boolean in) {
    }

    /** One scan refused, with the field at fault and why (no personal data); the rest of the batch goes on. */
    private static final class ScanRefused extends RuntimeException {
        ScanRefused(String field, String why) {
            super(field + ": " + why, null, false, false);
        }
    }

    /** The checks of one scan, in the order a device's author would fix them; the first that fails is the answer. */
    private Admitted admit(GateScan scan, Instant scannedAt, Instant receivedAt, Set<UUID> allowedVenues) {
        requirePrintableKey(scan.idempotencyKey());
        boolean in = directionIsIn(scan.direction());
        requireTimeWithinWindow(scannedAt, receivedAt);
        CheckinPoint point = codeValidAt(scan.token(), scannedAt);
        requireDeviceServes(point, allowedVenues);
        E164Phone phone = phoneOf(scan.phone());
        String pseudonym = protector.pseudonymOf(phone);
        return new Admitted(in, point, phone, pseudonym, Visit.Key.of(point.venueId(), pseudonym));
    }

    private static void requirePrintableKey(String key) {
        if (key == null || key.isBlank() || key.length() > VisitorValidator.MAX_IDEMPOTENCY_KEY
                || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw new ScanRefused("idempotencyKey", "required, 1-" + VisitorValidator.MAX_IDEMPOTENCY_KEY
                    + " printable ASCII characters");
        }
    }

    private static boolean directionIsIn(String direction) {
        if (!"IN".equals(direction) && !"OUT".equals(direction)) {
            throw new ScanRefused("direction", "must be IN or OUT");
        }
        return "IN".equals(direction);
    }

    /** Offline devices upload late (up to maxScanAge); a clock ahead by more than the skew is the device's fault. */
    private void requireTimeWithinWindow(Instant scannedAt, Instant receivedAt) {
        if (scannedAt == null) {
            throw new ScanRefused("scannedAt", "required, an ISO-8601 instant such as 2026-11-23T07:58:00Z");
        }
        Duration skew = config.gate().clockSkew();
        if (scannedAt.isAfter(receivedAt.plus(skew))) {
            throw new ScanRefused("scannedAt", "more than " + skew + " in the future; check the device clock");
        }
        if (scannedAt.isBefore(receivedAt.minus(config.gate().maxScanAge()))) {
            throw new ScanRefused("scannedAt", "older than " + config.gate().maxScanAge() + "; too late to upload");
        }
    }

    /** The code as it was at the scan time (superseded or revoked later still admits the scan). */
    private CheckinPoint codeValidAt(String token, Instant scannedAt) {
        try {
            return verifier.verify(token, scannedAt);
        } catch (DomainException e) {
            if (e instanceof QrCodeRefused refused) {
                throw new ScanRefused(QrCodeRefused.FIELD, QrCodeRefused.reason(refused.rejection()));
            }
            throw e;
        }
    }

    private static void requireDeviceServes(CheckinPoint point, Set<UUID> allowedVenues) {
        if (!allowedVenues.contains(point.venueId())) {
            throw new ScanRefused("token", "this device may not check people in at this venue");
        }
    }

    private static E164Phone phoneOf(String phone) {
        try {
            return E164Phone.parse(phone);
        } catch (InvalidPhoneException e) {
            throw new ScanRefused("phone", e.getMessage());
        }
    }

    private CompletionStage<ScanVerdict> scanIn(String deviceId, String key, String scoped, Admitted scan, Instant at,
                                                boolean flagged) {
        CheckinPoint point = scan.point();
        UUID checkinId = EventEnvelope.deterministicId("qrtrace.gate-checkin", scoped);
        Instant autoCheckoutAt = stays.autoCheckoutAt(point.category(), at);
        return recorder.checkIn(EventPublisher.Waiting.DEVICE, point,
                        EventEnvelope.deterministicId("qrtrace.gate-checkin-event", scoped), checkinId,
                        scan.person(), at, autoCheckoutAt, 0,
                        visit -> new CheckedIn(checkinId, point.venueId(), point.entranceId(), scan.pseudonym(),
                                protector.seal(scan.phone(), null), at, autoCheckoutAt, CheckedIn.Source.GATE, deviceId,
                                flagged, null, List.of()))
                .thenApply(r -> new ScanVerdict(key,
                        r.newVisit() ? ScanVerdict.Status.ACCEPTED : ScanVerdict.Status.DUPLICATE, r.visit().checkinId(), null));
    }

    private CompletionStage<ScanVerdict> scanOut(String key, String scoped, Admitted scan, Instant at) {
        Optional<Visit> open = visits.openAt(scan.person(), at);
        if (open.isEmpty()) {
            return done(ScanVerdict.rejected(key, "direction: no open visit of this person at this venue to check out"));
        }
        Visit visit = open.get();
        UUID checkinId = visit.checkinId();
        CheckedOut event = new CheckedOut(checkinId, scan.point().venueId(), scan.pseudonym(), at, CheckedOut.Source.GATE);
        return recorder.checkOut(EventEnvelope.deterministicId("qrtrace.gate-checkout-event", scoped), event, visit)
                .thenApply(ok -> new ScanVerdict(key, ScanVerdict.Status.ACCEPTED, checkinId, null));
    }

    private static Instant parseTime(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CompletionStage<ScanVerdict> done(ScanVerdict verdict) {
        return CompletableFuture.completedFuture(verdict);
    }
}
