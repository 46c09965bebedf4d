package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.PopulationCount;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Populations the provinces set ({@code AdminUnitPopulationSet} from venue.events), every figure kept: a unit's current
 * figure is the one set last (migration V10).
 */
@ApplicationScoped
public class PopulationRepository {

    private final Jdbc jdbc;

    PopulationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a figure; the same figure delivered again changes nothing. */
    public void record(PopulationCount figure, Instant setAt) {
        jdbc.update("record a population", "INSERT INTO admin_unit_population (edition, code, count, year, source, set_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", figure.edition(), figure.code(), figure.count(),
                figure.year(), figure.source(), setAt);
    }

    /** The figure set last for each of {@code codes} of {@code edition} that has one. */
    public Map<String, PopulationCount> current(String edition, Collection<String> codes) {
        Map<String, PopulationCount> out = new HashMap<>();
        for (PopulationCount p : jdbc.query("read populations", "SELECT DISTINCT ON (code) code, count, year, source "
                        + "FROM admin_unit_population WHERE edition = ? AND code = ANY (?::text[]) ORDER BY code, set_at DESC",
                rs -> new PopulationCount(edition, rs.getString("code"), rs.getLong("count"), rs.getInt("year"),
                        rs.getString("source")), edition, codes)) {
            out.put(p.code(), p);
        }
        return out;
    }
}
