package org.qrtrace.venue.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.qrtrace.venue.domain.Entrance;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of table {@code entrance}. The venue is referenced by id, not mapped as an association: the repository loads
 * the entrances of a page of venues in one query, and inserts venues before their entrances explicitly.
 */
@Entity
@Table(name = "entrance")
public class EntranceRow extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "position", nullable = false)
    public int position;

    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Column(name = "token_issued_at", nullable = false)
    public Instant tokenIssuedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static EntranceRow of(Entrance entrance, Instant createdAt) {
        EntranceRow row = new EntranceRow();
        row.id = entrance.id();
        row.venueId = entrance.venueId();
        row.name = entrance.name();
        row.position = entrance.position();
        row.tokenVersion = entrance.tokenVersion();
        row.tokenIssuedAt = entrance.tokenIssuedAt();
        row.createdAt = createdAt;
        return row;
    }

    Entrance toEntrance() {
        return new Entrance(id, venueId, name, position, tokenVersion, tokenIssuedAt);
    }
}
