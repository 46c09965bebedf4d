package org.qrtrace.common.adminunit;

/** A province, district or commune, identified by its official statistical code. */
public record AdminUnit(String code, String name, Level level, String parentCode, Long population) {

    public enum Level { PROVINCE, DISTRICT, COMMUNE }
}
