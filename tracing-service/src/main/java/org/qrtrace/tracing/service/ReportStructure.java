package org.qrtrace.tracing.service;

import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitEdition;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.AdminUnits;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.tracing.repository.ReportRepository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a daily report rolls up in one edition of the official list, its structure (docs/architecture.md, "Daily
 * reports"): commune, district, province in 2025-03-01; commune, province in 2025-07-01.
 * <ul>
 * <li>{@link #rows()}: the units of the report's subtree in tree order, and after the children of every unit that has
 * some, that unit's NOT_PLACED row: what lies in the unit but in none of its children.</li>
 * <li>{@link #counted()}: for every unit, of any edition, whose venues and cases count in the report, the days on which
 * its code names it and the rows it counts towards. A unit of the structure's edition counts in itself and its
 * ancestors; a unit of another edition counts where {@link AdminUnitRegistry#holderIn} puts it: in the one unit it
 * went into (or was carved out of), else in the NOT_PLACED row of the lowest unit holding all of it, never guessed into
 * one of that unit's children (old district 288 in 2025-07-01: province 31's NOT_PLACED row). A unit registered above
 * the lowest level (a venue under a district code) counts in that unit's NOT_PLACED row too.</li>
 * </ul>
 * So every figure that is a count of things (venues, check-ins, cases, messages...) of a unit is exactly the sum of its
 * children's and its NOT_PLACED row's; distinct visitors are counted once per unit and do not add up.
 */
public final class ReportStructure {

    /** A row of the report: a unit of the structure, or the NOT_PLACED row of one. */
    public record Line(EditionUnit unit, boolean notPlaced) {

        /** The row's key in queries and snapshots ({@link ReportRepository#rowKey}). */
        public String key() {
            return ReportRepository.rowKey(unit.code(), notPlaced);
        }
    }

    /**
     * Venues and cases whose unit code is {@code code}, given on a day in [{@code givenFrom}, {@code givenBefore})
     * (null: unbounded), count in the row {@code rowKey}.
     */
    public record Counted(String code, LocalDate givenFrom, LocalDate givenBefore, String rowKey) {
    }

    private final String edition;
    private final List<Line> rows;
    private final List<Counted> counted;

    private ReportStructure(String edition, List<Line> rows, List<Counted> counted) {
        this.edition = edition;
        this.rows = List.copyOf(rows);
        this.counted = List.copyOf(counted);
    }

    /** The report of {@code root} and its subtree, in {@code root}'s edition. */
    public static ReportStructure of(AdminUnitRegistry registry, EditionUnit root) {
        return of(registry, List.of(root));
    }

    /** Every province of {@code edition} and its subtree: what a snapshot freezes. */
    public static ReportStructure country(AdminUnitRegistry registry, String edition) {
        List<EditionUnit> provinces = registry.tree(edition).all().stream().filter(u -> u.parentCode() == null)
                .map(u -> registry.find(edition, u.code()).orElseThrow()).toList();
        return of(registry, provinces);
    }

    private static ReportStructure of(AdminUnitRegistry registry, List<EditionUnit> roots) {
        String edition = roots.get(0).edition();
        AdminUnits tree = registry.tree(edition);
        List<Line> rows = new ArrayList<>();
        List<Counted> counted = new ArrayList<>();
        for (EditionUnit root : roots) {
            if (!root.edition().equals(edition)) {
                throw new IllegalArgumentException(root + " is not of edition " + edition);
            }
            addRows(registry, tree, root.unit(), edition, rows);
            for (AdminUnitEdition other : registry.editions()) {
                for (EditionUnit unit : registry.coveredIn(root, other.id())) {
                    EditionUnit holder = registry.holderIn(unit, edition).orElse(null);
                    if (holder == null) {
                        continue;   // covered units always have a holder within the root; kept safe all the same
                    }
                    AdminUnitRegistry.NamedDays days = registry.namedDays(unit);
                    if (!tree.children(holder.code()).isEmpty()) {
                        counted.add(new Counted(unit.code(), days.from(), days.until(), ReportRepository.rowKey(holder.code(), true)));
                    }
                    for (AdminUnit a : tree.ancestry(holder.code())) {
                        counted.add(new Counted(unit.code(), days.from(), days.until(), a.code()));
                        if (a.code().equals(root.code())) {
                            break;
                        }
                    }
                }
            }
        }
        return new ReportStructure(edition, rows, counted);
    }

    private static void addRows(AdminUnitRegistry registry, AdminUnits tree, AdminUnit unit, String edition, List<Line> rows) {
        EditionUnit u = registry.find(edition, unit.code()).orElseThrow();
        rows.add(new Line(u, false));
        List<AdminUnit> children = tree.children(unit.code());
        for (AdminUnit child : children) {
            addRows(registry, tree, child, edition, rows);
        }
        if (!children.isEmpty()) {
            rows.add(new Line(u, true));
        }
    }

    /** The edition the report rolls up by. */
    public String edition() {
        return edition;
    }

    public List<Line> rows() {
        return rows;
    }

    public List<Counted> counted() {
        return counted;
    }

    /** {@link #counted()} as the repository's query takes it. */
    public ReportRepository.RowMapping mapping() {
        return new ReportRepository.RowMapping(counted.stream().map(Counted::code).toList(),
                counted.stream().map(Counted::givenFrom).toList(), counted.stream().map(Counted::givenBefore).toList(),
                counted.stream().map(Counted::rowKey).toList());
    }
}
