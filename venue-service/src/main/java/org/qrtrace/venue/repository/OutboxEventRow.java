package org.qrtrace.venue.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of table {@code outbox_event}. Hibernate identifies a row by its event id (unique, chosen by the service), so
 * appending events needs no round trip for a generated key and inserts go out in JDBC batches (an import appends
 * thousands). The table's own {@code id} column is the relay order, assigned by the database on insert
 * ({@code GENERATED ALWAYS AS IDENTITY}): Hibernate never writes it and leaves it null in a row it has just appended.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEventRow extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** Column {@code id}: the relay sends rows in this order. */
    @Column(name = "id", insertable = false, updatable = false)
    public Long position;

    @Column(name = "topic", nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The envelope encoded by {@link EventCodec} when the row was written: exactly what Kafka will carry. */
    @Column(name = "payload", nullable = false)
    public byte[] payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    static OutboxEventRow of(EventEnvelope event) {
        OutboxEventRow row = new OutboxEventRow();
        row.eventId = event.eventId();
        row.topic = event.topic();
        row.recordKey = event.key();
        row.eventType = event.type();
        row.payload = EventCodec.encode(event);
        row.createdAt = event.occurredAt();
        return row;
    }
}
