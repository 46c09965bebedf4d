package org.qrtrace.common.adminunit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What a health officer answers for on a day: the administrative unit named by the token's {@code jurisdiction} claim
 * and every unit below it, across the 2025 reorganisation both ways (docs/architecture.md, "Administrative units"). The
 * one place that decides whether a unit lies inside a jurisdiction.
 * <p>
 * The claim is read on {@code on} ({@link AdminUnitRegistry#jurisdictionUnit}: in the edition in force, else the latest
 * earlier one that has the code, so a token still saying 30 keeps meaning Hải Dương). A unit code is read as it was
 * given: on the day it was given ({@link #covers(AdminUnitCode, LocalDate)}, e.g. a venue's registration day), or on
 * {@code on} when that day is not known ({@link #covers(AdminUnitCode)}). Then {@link AdminUnitRegistry#covers}: an
 * officer of new Hải Phòng (31) covers old Hải Dương (30) and its districts and communes; an officer whose token says 30
 * covers the new communes made wholly of Hải Dương's.
 */
public record Jurisdiction(AdminUnitCode unit, LocalDate on) {

    public Jurisdiction {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(on, "on");
    }

    /** True when the registry knows the claim's code on {@code on} (in force or in an earlier edition). */
    public boolean known() {
        return registry().jurisdictionUnit(unit.value(), on).isPresent();
    }

    /** True when {@code code}, read on this jurisdiction's day, is this unit or lies within it; false for null. */
    public boolean covers(AdminUnitCode code) {
        return covers(code, on);
    }

    /** True when {@code code}, as given on {@code givenOn}, names a unit this jurisdiction covers; false for null. */
    public boolean covers(AdminUnitCode code, LocalDate givenOn) {
        if (code == null || givenOn == null) {
            return false;
        }
        AdminUnitRegistry registry = registry();
        return registry.unitNamed(code.value(), givenOn)
                .flatMap(u -> registry.jurisdictionUnit(unit.value(), on).map(j -> registry.covers(j, u)))
                .orElse(false);
    }

    /** True when {@code unit}, of any edition, lies inside this jurisdiction; false for null. */
    public boolean covers(EditionUnit unit) {
        AdminUnitRegistry registry = registry();
        return unit != null && registry.jurisdictionUnit(this.unit.value(), on).map(j -> registry.covers(j, unit))
                .orElse(false);
    }

    /**
     * Every code, of any edition, that may name a unit inside this jurisdiction: for narrowing stored rows by code
     * before {@link #covers(AdminUnitCode, LocalDate)} checks each (one code can name different units in different
     * editions). Empty when the claim is unknown.
     */
    public Set<String> candidateCodes() {
        AdminUnitRegistry registry = registry();
        return registry.jurisdictionUnit(unit.value(), on).map(registry::codesCovered).orElse(Set.of());
    }

    /** The unit's code, as stored with what the officer did (audit, stored queries). */
    public String code() {
        return unit.value();
    }

    private static AdminUnitRegistry registry() {
        return AdminUnitRegistry.bundled();
    }

    @Override
    public String toString() {
        return unit.value();
    }
}
