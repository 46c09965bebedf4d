package org.qrtrace.common.adminunit;

/**
 * A province, district or commune of one edition of the official list, identified there by its statistical code
 * ({@link EditionUnit} pairs it with its edition). Populations are kept apart, with their history
 * ({@link AdminUnitRegistry#populations}).
 */
public record AdminUnit(String code, String name, Level level, String parentCode) {

    public enum Level { PROVINCE, DISTRICT, COMMUNE }
}
