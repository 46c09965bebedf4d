package org.qrtrace.venue.service;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.Resolution.Status;
import org.qrtrace.venue.domain.Placement;
import org.qrtrace.venue.repository.VenueFilter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule "a code names the unit it named on the day it was given", on its own (VenuePlacementTest: through the API). */
class VenuePlacementsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    static final LocalDate BEFORE = LocalDate.of(2025, 6, 15);
    static final LocalDate NEW_LIST = LocalDate.of(2025, 7, 1);

    /** 2026-12-04 23:30 in Vietnam is still 2026-12-04 16:30 UTC: days are Vietnam's. */
    final VenuePlacements placements = new VenuePlacements(
            Clock.fixed(Instant.parse("2026-12-04T16:30:00Z"), ZoneOffset.UTC));
    final AdminUnitRegistry registry = AdminUnitRegistry.bundled();

    @Test
    void todayIsVietnamsDay() {
        assertEquals(TODAY, placements.today());
        assertEquals(LocalDate.of(2026, 12, 5), placements.dayOf(Instant.parse("2026-12-04T17:00:00Z")));
    }

    @Test
    void aCodeIsReadOnTheDayItWasGivenAndPlacedToday() {
        VenuePlacements.Placer placer = placements.placer();
        Placement given = placer.place("10507", BEFORE);
        assertEquals(Status.MAPPED, given.status());
        assertEquals("2025-03-01/10507 Phường Cẩm Thượng", given.unit().toString());
        assertEquals("Phường Thành Đông", given.communeToday().name());
        assertEquals("31", given.provinceToday().code());
        assertEquals(List.of(), given.candidates());
        assertNull(given.note());

        Placement now = placer.place("10507", TODAY);
        assertEquals(Status.IN_FORCE, now.status());
        assertEquals("2025-07-01/10507 Phường Thành Đông", now.unit().toString());
        assertEquals(now.unit(), now.communeToday());

        Placement district = placer.place("288", TODAY);
        assertEquals(Status.MAPPED, district.status());
        assertNull(district.communeToday());
        assertEquals(9, district.candidates().size());
        assertTrue(district.note().contains("must be chosen"), district.note());

        Placement province = placer.place("30", TODAY);
        assertEquals("31", province.provinceToday().code());
        assertNull(province.communeToday(), "a province is not a commune");
        assertEquals(List.of(), province.candidates(), "decided: Hải Dương lies wholly in Hải Phòng");

        Placement gone = placer.place("10522", BEFORE);
        assertEquals(Status.UNKNOWN, gone.status(), "Phạm Ngũ Lão, in the former 70-unit file, is in no edition");
        assertNull(gone.unit());
        assertTrue(gone.note().contains("must be given again"), gone.note());
    }

    @Test
    void aUnitSelectsTheCodesOfEveryUnitItCoversOnTheDaysTheyNameIt() {
        List<VenueFilter.UnitCodes> within = placements.venuesWithin(registry.find("2025-07-01", "31").orElseThrow());
        assertTrue(days(within, "288", null, null), "288 names the old district whenever it was given");
        assertTrue(days(within, "10510", null, null));
        assertTrue(days(within, "30", null, null));
        assertTrue(days(within, "10507", null, NEW_LIST), "10507 names old Phường Cẩm Thượng until 2025-07-01");
        assertTrue(days(within, "31", null, NEW_LIST), "and 31 old Hải Phòng");
        assertTrue(days(within, "10507", NEW_LIST, null), "and from then on new Phường Thành Đông");
        assertTrue(days(within, "31", NEW_LIST, null));
        assertTrue(days(within, "11311", NEW_LIST, null));
        assertTrue(within.stream().noneMatch(u -> u.codes().contains("74")));

        List<VenueFilter.UnitCodes> commune = placements.venuesWithin(registry.find("2025-07-01", "10507").orElseThrow());
        assertTrue(days(commune, "10510", null, null), "wholly in 10507");
        assertTrue(commune.stream().noneMatch(u -> u.codes().contains("288")), "288 is only partly in 10507");
        assertTrue(placements.venuesWithin(registry.find("2025-07-01", "31").orElseThrow()) == within, "kept");
    }

    @Test
    void aCodeAskedForIsReadInTodaysListElseTheLatestThatHadIt() {
        EditionUnit thirty = placements.unitAsked("adminUnitCode", "30");
        assertEquals("2025-03-01", thirty.edition());
        assertEquals("2025-07-01", placements.unitAsked("adminUnitCode", "10507").edition());
    }

    private static boolean days(List<VenueFilter.UnitCodes> units, String code, LocalDate from, LocalDate before) {
        return units.stream().anyMatch(u -> u.codes().contains(code) && java.util.Objects.equals(u.givenFrom(), from)
                && java.util.Objects.equals(u.givenBefore(), before));
    }
}
