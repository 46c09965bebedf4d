package org.qrtrace.common.adminunit;

import java.util.Objects;

/**
 * The code of an administrative unit as the statistics office numbers them (province 2 digits, district 3, commune 5),
 * whether or not the registry knows it: knowing is the registry's question ({@link AdminUnits#find(AdminUnitCode)}).
 * Used wherever a unit crosses layers (request, service, repository) instead of a bare string.
 */
public record AdminUnitCode(String value) {

    public AdminUnitCode {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9]{2,5}")) {
            throw new IllegalArgumentException("an administrative unit code is 2 to 5 digits");
        }
    }

    public static AdminUnitCode of(String value) {
        return new AdminUnitCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
