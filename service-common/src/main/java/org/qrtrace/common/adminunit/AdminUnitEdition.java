package org.qrtrace.common.adminunit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One edition of the official list of administrative units, as named by the manifest {@code admin-units/editions.csv}.
 * It is in force on the days [{@code from}, {@code to}): {@code from} as the manifest declares it (null = since ever;
 * the first edition also covers every day before its {@code from}), {@code to} the next edition's {@code from},
 * exclusive (null = still in force).
 *
 * @param id         the edition's id, e.g. {@code 2025-07-01}; with a code it identifies a unit
 * @param from       first day in force, null for since ever
 * @param to         first day no longer in force (the next edition's from), null for the latest edition
 * @param file       the units' file (code,name,level,parentCode)
 * @param mergesFile the file linking this edition to the previous one, null for the first edition
 * @param source     where the list comes from
 * @param first      whether this is the oldest edition (which covers every earlier date)
 */
public record AdminUnitEdition(String id, LocalDate from, LocalDate to, String file, String mergesFile, String source,
                               boolean first) {

    public AdminUnitEdition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
    }

    /** True when this edition is the one in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        boolean started = first || from == null || !date.isBefore(from);
        return started && (to == null || date.isBefore(to));
    }

    @Override
    public String toString() {
        return id;
    }
}
