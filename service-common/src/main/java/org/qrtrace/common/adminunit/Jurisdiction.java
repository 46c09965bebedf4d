package org.qrtrace.common.adminunit;

import java.util.Objects;

/**
 * What a health officer answers for: the administrative unit named by the token's {@code jurisdiction} claim and every
 * unit below it. The one place that decides whether a unit lies inside a jurisdiction.
 */
public record Jurisdiction(AdminUnitCode unit) {

    public Jurisdiction {
        Objects.requireNonNull(unit, "unit");
    }

    /** True when {@code code} is this jurisdiction's unit or lies below it in the registry; false for null. */
    public boolean covers(AdminUnitCode code) {
        return code != null && AdminUnits.bundled().isWithin(code.value(), unit.value());
    }

    /** The unit's code, as stored with what the officer did (audit, stored queries). */
    public String code() {
        return unit.value();
    }

    @Override
    public String toString() {
        return unit.value();
    }
}
