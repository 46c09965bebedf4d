package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitEdition;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.UnitMapping;
import org.qrtrace.venue.domain.AdminUnitNotFound;
import org.qrtrace.venue.domain.PopulationFigure;
import org.qrtrace.venue.domain.UnknownAdminUnit;
import org.qrtrace.venue.repository.PopulationRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The administrative units as public reference data, from every edition of the official list
 * ({@link AdminUnitRegistry}): the units in force on a day, and one code with its unit's validity, tree, mapping to the
 * neighbouring editions and current population.
 */
@ApplicationScoped
public class AdminUnitCatalog {

    private final AdminUnitRegistry registry = AdminUnitRegistry.bundled();
    private final VenuePlacements placements;
    private final PopulationRepository populations;

    AdminUnitCatalog(VenuePlacements placements, PopulationRepository populations) {
        this.placements = placements;
        this.populations = populations;
    }

    /** The units of the edition in force on {@code at} that pass the filters. */
    public record UnitList(AdminUnitEdition edition, LocalDate at, List<EditionUnit> items) {
    }

    /**
     * One unit of one edition: the edition (its validity is the unit's), parent (null for a province), ancestors
     * (parent first), children, where it went in the next edition and what it was made of in the previous one, and its
     * current population when one is known.
     */
    public record UnitDetail(AdminUnitEdition edition, EditionUnit unit, EditionUnit parent, List<EditionUnit> ancestors,
                             List<EditionUnit> children, List<UnitMapping> successors, List<UnitMapping> predecessors,
                             Optional<PopulationFigure> population) {
    }

    /**
     * What a code names on {@code at}: the unit in force that day ({@code inForce}), or, when the edition in force has no
     * unit with the code, every unit that ever had it, oldest edition first.
     */
    public record Lookup(String code, LocalDate at, boolean inForce, List<UnitDetail> units) {
    }

    /**
     * The units in force on {@code at} (null = today): all, or those whose parent is {@code parentCode}, of
     * {@code level}, within the subtree of {@code within} (each null = no filter; the codes are units of that day's
     * edition).
     *
     * @throws UnknownAdminUnit naming {@code parentCode} or {@code within} when that day's edition has no such unit
     */
    public UnitList list(LocalDate at, String parentCode, AdminUnit.Level level, String within) {
        LocalDate day = at == null ? placements.today() : at;
        AdminUnitEdition edition = registry.editionOn(day);
        AdminUnits tree = registry.tree(edition.id());
        Stream<AdminUnit> all = tree.all().stream();
        if (parentCode != null) {
            String parent = inEdition(tree, edition, "parentCode", parentCode);
            all = all.filter(u -> parent.equals(u.parentCode()));
        }
        if (within != null) {
            String scope = inEdition(tree, edition, "within", within);
            all = all.filter(u -> tree.isWithin(u.code(), scope));
        }
        if (level != null) {
            all = all.filter(u -> u.level() == level);
        }
        return new UnitList(edition, day, all.map(u -> registry.find(edition.id(), u.code()).orElseThrow()).toList());
    }

    /**
     * The unit in force on {@code at} (null = today) with {@code code}, or every unit that ever had the code.
     *
     * @throws AdminUnitNotFound naming {@code code} when no edition has it
     */
    @Transactional
    public Lookup find(String code, LocalDate at) {
        LocalDate day = at == null ? placements.today() : at;
        Optional<EditionUnit> inForce = registry.findOn(day, code);
        List<EditionUnit> units = inForce.map(List::of).orElseGet(() -> registry.withCode(code));
        if (units.isEmpty()) {
            throw new AdminUnitNotFound(code);
        }
        return new Lookup(code, day, inForce.isPresent(), units.stream().map(this::detail).toList());
    }

    private UnitDetail detail(EditionUnit unit) {
        AdminUnits tree = registry.tree(unit.edition());
        List<EditionUnit> ancestry = registry.ancestry(unit);
        List<EditionUnit> children = tree.children(unit.code()).stream()
                .map(c -> registry.find(unit.edition(), c.code()).orElseThrow()).toList();
        return new UnitDetail(registry.edition(unit.edition()).orElseThrow(), unit,
                ancestry.size() > 1 ? ancestry.get(1) : null, ancestry.subList(1, ancestry.size()), children,
                registry.successors(unit.edition(), unit.code()), registry.predecessors(unit.edition(), unit.code()),
                populations.current(unit.edition(), unit.code()));
    }

    private static String inEdition(AdminUnits tree, AdminUnitEdition edition, String field, String code) {
        return tree.find(code).map(AdminUnit::code).orElseThrow(() -> new UnknownAdminUnit(field,
                "no unit of edition " + edition.id() + " (the list in force that day) has code " + code));
    }
}
