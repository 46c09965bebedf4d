package org.qrtrace.tracing.repository;

import org.qrtrace.common.kafka.OutboxRelayLoop;
import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.kafka.OutboxBatch;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox of tracing.events ({@code outbox_event}, migration V6): events appended by the transaction
 * that makes the change, claimed and marked by the relay.
 */
@ApplicationScoped
public class OutboxRepository implements OutboxRelayLoop.Store {

    /** Longest {@code last_error} kept. */
    private static final int MAX_ERROR_LENGTH = 500;

    private final Jdbc jdbc;

    OutboxRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An event waiting to be relayed, already encoded. */
    public record PendingEvent(long id, UUID eventId, String topic, String key, String type, byte[] payload)
            implements OutboxBatch.Event {
    }

    /**
     * Appends the event encoded as Kafka will carry it; false when an event of that id is there already (a repeat of
     * a deterministic id is the same event, never a second one).
     */
    public boolean append(EventEnvelope event) {
        return jdbc.update("append an event to the outbox", "INSERT INTO outbox_event (event_id, topic, record_key, "
                        + "event_type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                event.eventId(), event.topic(), event.key(), event.type(), EventCodec.encode(event), event.occurredAt()) == 1;
    }

    /**
     * The oldest unsent events, locked until the caller's transaction ends; rows another relay holds are skipped
     * ({@code FOR NO KEY UPDATE SKIP LOCKED}: a second instance relays other rows instead of waiting or sending the
     * same ones).
     */
    @Override
    public List<PendingEvent> lockUnsent(int limit) {
        return jdbc.query("claim unsent events", "SELECT id, event_id, topic, record_key, event_type, payload "
                        + "FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR NO KEY UPDATE SKIP LOCKED",
                rs -> new PendingEvent(rs.getLong("id"), Sql.uuid(rs, "event_id"), rs.getString("topic"),
                        rs.getString("record_key"), rs.getString("event_type"), rs.getBytes("payload")), limit);
    }

    @Override
    public void markSent(List<Long> ids, Instant sentAt) {
        if (!ids.isEmpty()) {
            jdbc.update("mark events sent", "UPDATE outbox_event SET sent_at = ?, attempts = attempts + 1, "
                    + "last_error = NULL WHERE id = ANY (?::bigint[])", sentAt, ids);
        }
    }

    @Override
    public void markFailed(List<Long> ids, String error) {
        if (!ids.isEmpty()) {
            String kept = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
            jdbc.update("record a failed relay", "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? "
                    + "WHERE id = ANY (?::bigint[])", kept, ids);
        }
    }

    /** Events not yet acknowledged by Kafka (a gauge for operators). */
    @Override
    public long countUnsent() {
        return jdbc.first("count unsent events", "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL",
                rs -> rs.getLong(1)).orElse(0L);
    }
}
