package org.qrtrace.checkin.messaging;

/** Kafka did not acknowledge an event in time (or refused it): nothing was acknowledged to the client. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
