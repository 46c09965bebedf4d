package org.qrtrace.checkin.service;

import org.qrtrace.checkin.domain.InvalidTokenException;
import org.qrtrace.checkin.domain.TokenRejection;
import org.qrtrace.checkin.messaging.PublishFailedException;
import org.qrtrace.common.problem.Problem;
import org.qrtrace.common.problem.ProblemException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** How the API reports a refused QR code and a check-in Kafka could not take. */
public final class Failures {

    /** Seconds a client should wait before retrying a code of a venue not known yet. */
    static final int VENUE_UNKNOWN_RETRY_SECONDS = 5;

    private Failures() {
    }

    /** The problem for a refused code: the {@code token} field with the machine-readable reason first. */
    public static ProblemException problem(InvalidTokenException e) {
        TokenRejection r = e.rejection();
        String title = switch (r.status()) {
            case 400 -> "Invalid QR code";
            case 410 -> "QR code no longer valid";
            default -> "Venue not known yet";
        };
        return new ProblemException(r.status(), title, r.message(),
                List.of(new Problem.FieldError("token", r.name() + ": " + r.message())),
                r.status() == 503 ? VENUE_UNKNOWN_RETRY_SECONDS : null);
    }

    public static ProblemException unavailable(int retryAfterSeconds) {
        return ProblemException.unavailable("the check-in could not be recorded right now and nothing was saved; "
                + "try again (with the same Idempotency-Key)", retryAfterSeconds);
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Replaces a Kafka failure by the 503 problem, keeping other failures as they are (unwrapped). */
    static <T> CompletionStage<T> mapKafkaFailure(CompletionStage<T> stage, int retryAfterSeconds) {
        return stage.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = unwrap(error);
            return CompletableFuture.<T>failedFuture(cause instanceof PublishFailedException
                    ? unavailable(retryAfterSeconds) : cause);
        }).thenCompose(f -> f);
    }
}
