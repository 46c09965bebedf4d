package org.qrtrace.venue.domain;

import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.Resolution;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a venue's administrative unit stands today. The venue keeps the code it was given; the code and the day it was
 * given name {@code unit} (a unit of one edition of the official list); that unit is then placed in the edition in
 * force today.
 *
 * @param status        IN_FORCE: the unit is in the list in force today; MAPPED: it is a unit of an earlier list,
 *                      placed by the official mergers; UNKNOWN: the code names no unit on the day it was given (only a
 *                      venue stored before its code was checked this way can be so), {@code unit} is then null
 * @param givenOn       the local day the code was given
 * @param unit          the unit the code names
 * @param provinceToday the province in force today the unit lies in; null when its land went into several
 * @param communeToday  the commune in force today it is, when decided (the unit itself, or its single FULL
 *                      successor); null otherwise
 * @param candidates    MAPPED and not decided: the units in force its land went into, one of which is the venue's
 * @param note          the registry's sentence saying what must be chosen, when something must; null otherwise
 */
public record Placement(Resolution.Status status, LocalDate givenOn, EditionUnit unit, EditionUnit provinceToday,
                        EditionUnit communeToday, List<EditionUnit> candidates, String note) {

    public Placement {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
