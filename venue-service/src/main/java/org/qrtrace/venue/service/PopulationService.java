package org.qrtrace.venue.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitEdition;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.PopulationCount;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.venue.domain.AdminUnitNotFound;
import org.qrtrace.venue.domain.InvalidPopulation;
import org.qrtrace.venue.domain.NotAnAdministrator;
import org.qrtrace.venue.domain.PopulationFigure;
import org.qrtrace.venue.domain.Requester;
import org.qrtrace.venue.domain.UnknownEdition;
import org.qrtrace.venue.repository.OutboxRepository;
import org.qrtrace.venue.repository.PopulationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The population of administrative units: data a province maintains, kept with its history. An administrator sets a
 * unit's figure (count, year, source); every figure set is kept, the newest set is the unit's current one, and each is
 * published as {@code AdminUnitPopulationSet} on {@code venue.events} through the outbox, in the same transaction. At
 * start, units with no figure at all get the seed figures of service-common's {@code admin-units/populations.csv} (the
 * 2019 census for the provinces the former 70-unit file had); a figure set by a province is never replaced by a seed.
 */
@ApplicationScoped
public class PopulationService {

    private static final Logger LOG = Logger.getLogger(PopulationService.class);

    public static final int MIN_YEAR = 1900;
    public static final int MAX_SOURCE = 200;

    private final AdminUnitRegistry registry = AdminUnitRegistry.bundled();
    private final PopulationRepository populations;
    private final OutboxRepository outbox;
    private final VenuePlacements placements;
    private final Clock clock;

    PopulationService(PopulationRepository populations, OutboxRepository outbox, VenuePlacements placements,
                      Clock clock) {
        this.populations = populations;
        this.outbox = outbox;
        this.placements = placements;
        this.clock = clock;
    }

    /** A population figure as submitted. */
    public record PopulationInput(Long count, Integer year, String source) {
    }

    /** A unit and its figures, newest set first. */
    public record History(EditionUnit unit, List<PopulationFigure> figures) {
    }

    /**
     * Sets the population of the unit {@code code} of {@code edition} (null = the edition in force today), as
     * {@code setBy}: a new figure in its history, published as an event.
     *
     * @throws NotAnAdministrator   unless the requester is an administrator
     * @throws UnknownEdition       naming {@code edition} when it is not an edition of the list
     * @throws AdminUnitNotFound    naming {@code code} when the edition has no such unit
     * @throws InvalidPopulation    naming each field that breaks its rule
     */
    @Transactional
    public PopulationFigure set(Requester requester, String setBy, String code, String edition, PopulationInput input) {
        if (!requester.admin()) {
            throw new NotAnAdministrator("set the population of administrative units");
        }
        Instant now = clock.instant();
        LocalDate today = placements.dayOf(now);
        EditionUnit unit = unitToSet(code, edition, today);
        List<FieldError> errors = new ArrayList<>();
        if (input.count() == null || input.count() < 1) {
            errors.add(new FieldError("count", "must be a whole number greater than 0"));
        }
        if (input.year() == null || input.year() < MIN_YEAR || input.year() > today.getYear()) {
            errors.add(new FieldError("year", "must be a year from " + MIN_YEAR + " to " + today.getYear()));
        }
        String source = VenueValidator.text(input.source(), "source", MAX_SOURCE, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidPopulation(errors);
        }
        PopulationFigure figure = new PopulationFigure(unit.edition(), unit.code(), input.count(), input.year(), source,
                setBy, now);
        populations.add(figure);
        outbox.append(List.of(VenueEvents.populationSet(figure)));
        LOG.infof("population of %s set to %d (%d)", unit, figure.count(), figure.year());
        return figure;
    }

    /**
     * The figures of the unit {@code code} of {@code edition}, newest set first; without an edition, of the unit in
     * force today with the code, else of the latest earlier edition that had it (30 today: the old Tỉnh Hải Dương).
     */
    @Transactional
    public History history(String code, String edition) {
        EditionUnit unit = edition == null
                ? registry.jurisdictionUnit(code, placements.today()).orElseThrow(() -> new AdminUnitNotFound(code))
                : registry.find(knownEdition(edition).id(), code).orElseThrow(() -> new AdminUnitNotFound(code,
                "no unit of edition " + edition + " has code " + code));
        return new History(unit, populations.history(unit.edition(), unit.code()));
    }

    /** Seeds every unit without any figure from {@code populations.csv}. */
    @Transactional
    void onStart(@Observes StartupEvent start) {
        Instant now = clock.instant();
        int seeded = 0;
        for (AdminUnitEdition edition : registry.editions()) {
            for (AdminUnit u : registry.tree(edition.id()).all()) {
                List<PopulationCount> counts = registry.populations(edition.id(), u.code());
                if (counts.isEmpty() || populations.hasAny(edition.id(), u.code())) {
                    continue;
                }
                for (PopulationCount c : counts) {
                    if (c.count() > 0 && populations.addSeed(edition.id(), u.code(), c.count(), c.year(),
                            c.source() == null ? PopulationRepository.seedSetBy() : c.source(), now)) {
                        seeded++;
                    }
                }
            }
        }
        if (seeded > 0) {
            LOG.infof("seeded %d population figures from %s", seeded, PopulationRepository.seedSetBy());
        }
    }

    private EditionUnit unitToSet(String code, String edition, LocalDate today) {
        AdminUnitEdition in = edition == null ? registry.editionOn(today) : knownEdition(edition);
        return registry.find(in.id(), code).orElseThrow(() -> {
            Optional<EditionUnit> elsewhere = registry.withCode(code).stream().reduce((a, b) -> b);
            return new AdminUnitNotFound(code, "no unit of edition " + in.id()
                    + (edition == null ? " (the list in force today)" : "") + " has code " + code
                    + elsewhere.map(u -> "; " + u + " is a unit of edition " + u.edition() + ": name it with ?edition="
                    + u.edition()).orElse(""));
        });
    }

    private AdminUnitEdition knownEdition(String edition) {
        return registry.edition(edition).orElseThrow(() -> new UnknownEdition(edition,
                registry.editions().stream().map(AdminUnitEdition::id).toList()));
    }
}
