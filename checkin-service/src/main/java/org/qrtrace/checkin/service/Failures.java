package org.qrtrace.checkin.service;

import org.qrtrace.checkin.domain.RecordingUnavailable;
import org.qrtrace.checkin.messaging.PublishFailedException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Unwrapping asynchronous failures, and turning a check-in Kafka could not take into {@link RecordingUnavailable}. */
public final class Failures {

    private Failures() {
    }

    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Replaces a Kafka failure by {@link RecordingUnavailable}, keeping other failures as they are (unwrapped). */
    static <T> CompletionStage<T> mapKafkaFailure(CompletionStage<T> stage, int retryAfterSeconds) {
        return stage.handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = unwrap(error);
            return CompletableFuture.<T>failedFuture(cause instanceof PublishFailedException
                    ? new RecordingUnavailable(Duration.ofSeconds(retryAfterSeconds)) : cause);
        }).thenCompose(f -> f);
    }
}
