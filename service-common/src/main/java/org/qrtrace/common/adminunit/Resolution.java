package org.qrtrace.common.adminunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * How a unit code given on a date (a venue registered with it, say) is placed in the edition in force that day; see
 * {@link AdminUnitRegistry#resolve(String, LocalDate)}.
 *
 * @param status      IN_FORCE, MAPPED or UNKNOWN
 * @param code        the code as given
 * @param date        the day it was given for
 * @param edition     the edition in force on {@code date}
 * @param original    the unit the code names: the unit in force (IN_FORCE) or the unit of the latest earlier edition
 *                    that has the code (MAPPED); empty when UNKNOWN
 * @param province    the province in force on {@code date} the unit is (in), when a single one; empty when UNKNOWN or
 *                    when the unit's land went into several provinces
 * @param unit        the unit in force the code stands for, when decided: the unit itself (IN_FORCE) or its single
 *                    FULL successor (MAPPED, e.g. an old commune wholly merged into one new commune); empty otherwise
 * @param candidates  MAPPED: every unit in force the original unit's land went into (its successors in the edition in
 *                    force), one FULL candidate when decided; empty otherwise
 * @param explanation one plain sentence saying what happened and, when undecided, what must be chosen
 */
public record Resolution(Status status, String code, LocalDate date, AdminUnitEdition edition,
                         Optional<EditionUnit> original, Optional<EditionUnit> province, Optional<EditionUnit> unit,
                         List<UnitMapping> candidates, String explanation) {

    public enum Status {
        /** The code is a unit of the edition in force that day; taken as it is. */
        IN_FORCE,
        /** The code is not in force that day but is a unit of an earlier edition; mapped onto the edition in force. */
        MAPPED,
        /** No unit of the edition in force or of an earlier one has the code: the caller refuses it. */
        UNKNOWN
    }

    public Resolution {
        candidates = List.copyOf(candidates);
    }

    /** True when a single unit in force is known ({@link #unit()} present). */
    public boolean decided() {
        return unit.isPresent();
    }
}
