package org.qrtrace.common.adminunit;

import java.util.Objects;

/**
 * A unit of one edition of the official list: the identity of a unit is (edition, code), never the code alone, because
 * codes are reused across editions (commune 00004 is Phường Trúc Bạch in 2025-03-01 and Phường Ba Đình in 2025-07-01).
 */
public record EditionUnit(String edition, AdminUnit unit) {

    public EditionUnit {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(unit, "unit");
    }

    public String code() {
        return unit.code();
    }

    public String name() {
        return unit.name();
    }

    public AdminUnit.Level level() {
        return unit.level();
    }

    /** The parent's code in the same edition, null for a province. */
    public String parentCode() {
        return unit.parentCode();
    }

    @Override
    public String toString() {
        return edition + "/" + unit.code() + " " + unit.name();
    }
}
