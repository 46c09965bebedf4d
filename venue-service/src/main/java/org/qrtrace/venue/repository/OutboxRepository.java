package org.qrtrace.venue.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qrtrace.events.EventCodec;
import org.qrtrace.events.EventEnvelope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The transactional outbox: events appended with the change that caused them, relayed to Kafka later. */
@ApplicationScoped
public class OutboxRepository {

    /** An event waiting to be relayed, already encoded. */
    public record PendingEvent(long id, UUID eventId, String topic, String key, String type, byte[] payload) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Appends events in the caller's transaction (in list order, which is relay order). */
    public void append(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, record_key, event_type, "
                     + "payload, created_at) VALUES (?,?,?,?,?,?)")) {
            for (EventEnvelope e : events) {
                s.setObject(1, e.eventId());
                s.setString(2, e.topic());
                s.setString(3, e.key());
                s.setString(4, e.type());
                s.setBytes(5, EventCodec.encode(e));
                s.setTimestamp(6, Timestamp.from(e.occurredAt()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    /**
     * The oldest unsent events, locked for this relay until its transaction ends ({@code SKIP LOCKED}: a second
     * instance relays other rows instead of waiting or sending the same ones).
     */
    public List<PendingEvent> lockUnsent(int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, event_id, topic, record_key, event_type, payload "
                     + "FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            s.setInt(1, limit);
            List<PendingEvent> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBytes(6)));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    public void markSent(List<Long> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET sent_at = ?, attempts = attempts + 1, "
                     + "last_error = NULL WHERE id = ANY (?)")) {
            s.setTimestamp(1, Timestamp.from(sentAt));
            s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    public void markFailed(List<Long> ids, String error) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? "
                     + "WHERE id = ANY (?)")) {
            s.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }

    /** Events not yet acknowledged by Kafka (a gauge for operators). */
    public long countUnsent() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw VenueRepository.translate(ex);
        }
    }
}
