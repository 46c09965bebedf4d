package org.qrtrace.venue.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.qrtrace.venue.domain.PopulationFigure;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of table {@code admin_unit_population} (Flyway's V2): one population figure of a unit (edition, code) as it was
 * set. Rows are only ever added: they are the unit's history. The fields for columns {@code count} and {@code year}
 * are named {@code residents} and {@code countedIn}, because both words are also HQL functions.
 */
@Entity
@Table(name = "admin_unit_population")
public class PopulationRow extends PanacheEntityBase {

    /** {@code set_by} of the rows seeded from service-common's {@code admin-units/populations.csv}. */
    static final String SEED = "populations.csv";

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "edition", nullable = false)
    public String edition;

    @Column(name = "code", nullable = false)
    public String code;

    @Column(name = "count", nullable = false)
    public long residents;

    @Column(name = "year", nullable = false)
    public int countedIn;

    @Column(name = "source", nullable = false)
    public String source;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    static PopulationRow of(PopulationFigure f) {
        PopulationRow row = new PopulationRow();
        row.id = UUID.randomUUID();
        row.edition = f.edition();
        row.code = f.code();
        row.residents = f.count();
        row.countedIn = f.year();
        row.source = f.source();
        row.setBy = f.setBy();
        row.setAt = f.setAt();
        return row;
    }

    PopulationFigure toFigure() {
        return new PopulationFigure(edition, code, residents, countedIn, source, setBy, setAt);
    }
}
