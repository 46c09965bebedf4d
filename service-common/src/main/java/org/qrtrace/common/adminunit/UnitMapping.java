package org.qrtrace.common.adminunit;

import java.util.Objects;

/**
 * A unit of another edition that a unit maps onto (a successor in a later edition or a predecessor in an earlier one),
 * and how: {@link Kind#FULL} when the whole of the older unit lies in the newer one, {@link Kind#PARTIAL} when only part
 * of it does (the older unit was split). See {@link AdminUnitRegistry} for how districts and chains of editions are
 * decided.
 */
public record UnitMapping(EditionUnit unit, Kind kind) {

    public enum Kind { FULL, PARTIAL }

    public UnitMapping {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
    }

    public String code() {
        return unit.code();
    }

    public boolean full() {
        return kind == Kind.FULL;
    }

    @Override
    public String toString() {
        return unit + " " + kind;
    }
}
