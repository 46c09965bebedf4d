package org.qrtrace.checkin.rest;

import org.qrtrace.common.error.FieldError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.qrtrace.checkin.domain.GateDeviceTooFast;
import org.qrtrace.checkin.domain.IdempotencyKeyReused;
import org.qrtrace.checkin.domain.InvalidQrCode;
import org.qrtrace.checkin.domain.InvalidVisitor;
import org.qrtrace.checkin.domain.QrCodeNoLongerValid;
import org.qrtrace.checkin.domain.QrCodeRefused;
import org.qrtrace.checkin.domain.RecordingUnavailable;
import org.qrtrace.checkin.domain.TokenRejection;
import org.qrtrace.checkin.domain.TooManyCheckins;
import org.qrtrace.checkin.domain.TooManyScans;
import org.qrtrace.checkin.domain.UnknownCheckoutLink;
import org.qrtrace.checkin.domain.VenueNotKnownYet;
import org.qrtrace.checkin.domain.VisitAlreadyEnded;
import org.qrtrace.common.error.DomainException;
import org.qrtrace.common.problem.Problem;
import org.qrtrace.common.problem.ProblemMappers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The problem+json each failure of this service is answered with (the API's contract: status, title, detail, errors, Retry-After). */
class CheckinProblemsTest {

    private final ProblemMappers kinds = new ProblemMappers();

    @Test
    void eachRejectionIsItsKindOfRefusal() {
        for (TokenRejection r : TokenRejection.values()) {
            DomainException e = r.refusal();
            assertEquals(r, assertInstanceOf(QrCodeRefused.class, e).rejection());
            assertEquals(r.message(), e.getMessage());
        }
        assertInstanceOf(InvalidQrCode.class, TokenRejection.MALFORMED.refusal());
        assertInstanceOf(InvalidQrCode.class, TokenRejection.FORGED.refusal());
        assertInstanceOf(QrCodeNoLongerValid.class, TokenRejection.SUPERSEDED.refusal());
        assertInstanceOf(QrCodeNoLongerValid.class, TokenRejection.REVOKED.refusal());
        assertInstanceOf(QrCodeNoLongerValid.class, TokenRejection.VENUE_CLOSED.refusal());
        assertInstanceOf(VenueNotKnownYet.class, TokenRejection.VENUE_UNKNOWN.refusal());
    }

    @Test
    void aRefusedCodeNamesTheTokenFieldWhateverItsKind() {
        assertProblem(kinds.domain(new InvalidQrCode(TokenRejection.FORGED), null), 400, "Invalid QR code",
                TokenRejection.FORGED.message(), List.of(token(TokenRejection.FORGED)), null);
        assertProblem(kinds.domain(new QrCodeNoLongerValid(TokenRejection.REVOKED), null), 410,
                "QR code no longer valid", TokenRejection.REVOKED.message(), List.of(token(TokenRejection.REVOKED)), null);
        assertProblem(kinds.domain(new VenueNotKnownYet(TokenRejection.VENUE_UNKNOWN), null), 503,
                "Venue not known yet", TokenRejection.VENUE_UNKNOWN.message(), List.of(token(TokenRejection.VENUE_UNKNOWN)), "5");
    }

    @Test
    void aCheckinKafkaCouldNotTakeIs503WithRetryAfter() {
        assertProblem(kinds.domain(new RecordingUnavailable(Duration.ofSeconds(5)), null), 503, "Service unavailable",
                "the check-in could not be recorded right now and nothing was saved; try again (with the same Idempotency-Key)",
                null, "5");
    }

    @Test
    void rateLimitsAre429WithRetryAfter() {
        assertProblem(kinds.domain(TooManyCheckins.fromNetwork(Duration.ofSeconds(7)), null), 429, "Too many requests",
                "too many check-ins from this network; try again in 7 s", null, "7");
        assertProblem(kinds.domain(TooManyCheckins.withCode(Duration.ofSeconds(2)), null), 429, "Too many requests",
                "too many check-ins with this code; try again in 2 s", null, "2");
        assertProblem(kinds.domain(new GateDeviceTooFast(120, Duration.ofSeconds(3)), null), 429, "Too many requests",
                "this gate device is uploading scans faster than 120 per minute; nothing of this batch was recorded; "
                        + "send it again in 3 s", null, "3");
    }

    @Test
    void badInputNamesEveryField() {
        assertProblem(kinds.domain(new TooManyScans(500), null), 400, "Invalid request",
                "scans: at most 500 scans per batch", List.of(new FieldError("scans", "at most 500 scans per batch")), null);
        assertProblem(kinds.domain(new InvalidVisitor(List.of(new FieldError("phone", "not a phone number"),
                        new FieldError("dependants[0].name", "at most 100 characters"))), null), 400, "Invalid request",
                "phone: not a phone number; dependants[0].name: at most 100 characters",
                List.of(new FieldError("phone", "not a phone number"),
                        new FieldError("dependants[0].name", "at most 100 characters")), null);
        Response reused = kinds.domain(new IdempotencyKeyReused(), null);
        assertProblem(reused, 422, "Idempotency-Key reused",
                "this Idempotency-Key was already used for a different check-in; use a new key for a new check-in",
                List.of(new FieldError("Idempotency-Key", "already used for a different check-in")), null);
        assertEquals("about:blank", ((Problem) reused.getEntity()).type());
    }

    @Test
    void checkoutLinks() {
        assertProblem(kinds.domain(new UnknownCheckoutLink(), null), 404, "Not found",
                "no check-in with this id and check-out secret", null, null);
        Instant end = Instant.parse("2026-11-23T08:00:00Z");
        assertProblem(kinds.domain(new VisitAlreadyEnded(end), null), 409, "Conflict",
                "this visit already ended automatically at 2026-11-23T08:00:00Z", null, null);
    }

    private static FieldError token(TokenRejection r) {
        return new FieldError("token", r.name() + ": " + r.message());
    }

    private static void assertProblem(Response r, int status, String title, String detail, List<FieldError> errors,
                                      String retryAfter) {
        Problem p = (Problem) r.getEntity();
        assertEquals(status, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(status, p.status());
        assertEquals(title, p.title());
        assertEquals(detail, p.detail());
        assertEquals(errors, p.errors());
        if (retryAfter == null) {
            assertNull(r.getHeaderString(HttpHeaders.RETRY_AFTER));
        } else {
            assertEquals(retryAfter, r.getHeaderString(HttpHeaders.RETRY_AFTER));
        }
    }
}
