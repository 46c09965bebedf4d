package org.qrtrace.venue.repository;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.venue.domain.PopulationFigure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Population figures of administrative units ({@link PopulationRow}), with their history: figures are only added, and
 * a unit's newest figure set is its current one. Callers run inside a transaction (the one their outbox event is
 * appended in).
 */
@ApplicationScoped
public class PopulationRepository {

    private final DatabaseFailures failures;

    PopulationRepository(DatabaseFailures failures) {
        this.failures = failures;
    }

    /** Adds a figure to its unit's history. */
    public void add(PopulationFigure figure) {
        failures.run("store a population figure", () -> {
            PopulationRow.of(figure).persist();
            PopulationRow.flush();
        });
    }

    /** The unit's figures, newest set first (figures set at the same instant: latest year first). */
    public List<PopulationFigure> history(String edition, String code) {
        return failures.call("read a unit's population figures", () -> PopulationRow.<PopulationRow>list(
                        "edition = :edition and code = :code", history(),
                        Parameters.with("edition", edition).and("code", code))
                .stream().map(PopulationRow::toFigure).toList());
    }

    /** The unit's current figure: the newest set. */
    public Optional<PopulationFigure> current(String edition, String code) {
        return failures.call("read a unit's population", () -> PopulationRow.<PopulationRow>find(
                        "edition = :edition and code = :code", history(),
                        Parameters.with("edition", edition).and("code", code))
                .firstResultOptional().map(PopulationRow::toFigure));
    }

    /** Whether the unit has any figure at all. */
    public boolean hasAny(String edition, String code) {
        return failures.call("look for a unit's population", () -> PopulationRow.count(
                "edition = :edition and code = :code", Parameters.with("edition", edition).and("code", code)) > 0);
    }

    /**
     * Adds a seed figure (set by {@code populations.csv}) unless the same unit already has that year's seed: the
     * partial unique index on seeds decides between instances seeding at once, and {@code on conflict do nothing} lets
     * the loser carry on in its transaction.
     *
     * @return true when this call added it
     */
    public boolean addSeed(String edition, String code, long count, int year, String source, Instant at) {
        return failures.call("seed a population figure", () -> PopulationRow.getEntityManager().createQuery("""
                        insert into PopulationRow (id, edition, code, residents, countedIn, source, setBy, setAt)
                        values (:id, :edition, :code, :residents, :countedIn, :source, :setBy, :setAt)
                        on conflict do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("edition", edition)
                .setParameter("code", code)
                .setParameter("residents", count)
                .setParameter("countedIn", year)
                .setParameter("source", source)
                .setParameter("setBy", PopulationRow.SEED)
                .setParameter("setAt", at)
                .executeUpdate() == 1);
    }

    /** {@code set_by} of seeded figures. */
    public static String seedSetBy() {
        return PopulationRow.SEED;
    }

    private static Sort history() {
        return Sort.descending("setAt").and("countedIn", Sort.Direction.Descending).and("id");
    }
}
