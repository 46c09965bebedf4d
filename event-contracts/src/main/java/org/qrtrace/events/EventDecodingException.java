package org.qrtrace.events;

/** A record that is not a valid event; the message says what is wrong (never the record's personal data). */
public class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
