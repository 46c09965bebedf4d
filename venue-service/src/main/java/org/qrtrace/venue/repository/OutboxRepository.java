package org.qrtrace.venue.repository;

import org.qrtrace.common.kafka.OutboxRelayLoop;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Timeouts;
import org.qrtrace.common.kafka.OutboxBatch;
import org.qrtrace.events.EventEnvelope;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The transactional outbox ({@link OutboxEventRow}): events appended with the change that caused them, relayed later. */
@ApplicationScoped
public class OutboxRepository implements OutboxRelayLoop.Store {

    /** Longest {@code last_error} kept. */
    private static final int MAX_ERROR_LENGTH = 500;

    /** An event waiting to be relayed, already encoded. */
    public record PendingEvent(long id, UUID eventId, String topic, String key, String type, byte[] payload)
            implements OutboxBatch.Event {
    }

    private final DatabaseFailures failures;

    OutboxRepository(DatabaseFailures failures) {
        this.failures = failures;
    }

    /** Appends events in the caller's transaction (in list order, which is relay order). */
    public void append(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        failures.run("append events to the outbox", () -> {
            OutboxEventRow.persist(events.stream().map(OutboxEventRow::of));
            OutboxEventRow.flush();
        });
    }

    /**
     * The oldest unsent events, locked for this relay until its transaction ends; rows another relay holds are skipped
     * ({@code FOR NO KEY UPDATE SKIP LOCKED}: a second instance relays other rows instead of waiting or sending the same
     * ones).
     */
    @Override
    public List<PendingEvent> lockUnsent(int limit) {
        return failures.call("claim unsent events", () -> OutboxEventRow.<OutboxEventRow>find("sentAt is null",
                        Sort.by("position"))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", Timeouts.SKIP_LOCKED_MILLI)
                .range(0, limit - 1).list().stream()
                .map(r -> new PendingEvent(r.position, r.eventId, r.topic, r.recordKey, r.eventType, r.payload))
                .toList());
    }

    @Override
    public void markSent(List<Long> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return;
        }
        failures.run("mark events sent", () -> OutboxEventRow.update(
                "sentAt = ?1, attempts = attempts + 1, lastError = null where position in ?2", sentAt, ids));
    }

    @Override
    public void markFailed(List<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        String kept = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        failures.run("record a failed relay", () -> OutboxEventRow.update(
                "attempts = attempts + 1, lastError = ?1 where position in ?2", kept, ids));
    }

    /** Events not yet acknowledged by Kafka (a gauge for operators, read outside any request). */
    @Transactional
    @Override
    public long countUnsent() {
        return failures.call("count unsent events", () -> OutboxEventRow.count("sentAt is null"));
    }
}
