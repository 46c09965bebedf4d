package org.qrtrace.venue.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.AdminUnit;
import org.qrtrace.common.adminunit.AdminUnitEdition;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.EditionUnit;
import org.qrtrace.common.adminunit.Resolution;
import org.qrtrace.common.adminunit.UnitMapping;
import org.qrtrace.venue.domain.Placement;
import org.qrtrace.venue.domain.UnknownAdminUnit;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.repository.VenueFilter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Venues and the editions of the official list of administrative units ({@link AdminUnitRegistry}). The rule
 * (docs/architecture.md, "Administrative units"): a venue keeps the code it was given, and the code with the local day
 * it was given names the unit ({@code resolve(code, givenOn).original()}). That unit is placed in the list in force
 * today for the venue's answer and its poster, and a list of venues by a unit selects the venues whose unit that unit
 * covers, whichever edition either is of.
 */
@ApplicationScoped
public class VenuePlacements {

    private final AdminUnitRegistry registry = AdminUnitRegistry.bundled();
    private final Clock clock;
    /** The venues a unit covers, by the unit asked: the registry never changes while the service runs. */
    private final Map<EditionUnit, List<VenueFilter.UnitCodes>> covered = new ConcurrentHashMap<>();

    VenuePlacements(Clock clock) {
        this.clock = clock;
    }

    /** Today, in the zone whose days decide which edition is in force. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** The local day of an instant, in the zone whose days decide which edition is in force. */
    public LocalDate dayOf(Instant at) {
        return AdminUnitRegistry.dayOf(at);
    }

    /** Places venues as of today (one day for a whole page of them). */
    public Placer placer() {
        return new Placer(registry, today());
    }

    /** Places venues as of one day. */
    public static final class Placer {
        private final AdminUnitRegistry registry;
        private final LocalDate today;

        Placer(AdminUnitRegistry registry, LocalDate today) {
            this.registry = registry;
            this.today = today;
        }

        public LocalDate today() {
            return today;
        }

        public Placement place(Venue venue) {
            return place(venue.adminUnitCode(), venue.adminUnitGivenOn());
        }

        /** The unit {@code code} named on {@code givenOn}, placed in the list in force today. */
        public Placement place(String code, LocalDate givenOn) {
            Resolution given = registry.resolve(code, givenOn);
            if (given.original().isEmpty()) {
                return new Placement(Resolution.Status.UNKNOWN, givenOn, null, null, null, List.of(),
                        given.explanation() + " The venue's administrative unit must be given again.");
            }
            EditionUnit unit = given.original().get();
            // A code is never given after today, unless the clock went back: then it is read on the day it was given.
            Resolution now = registry.place(unit, today.isBefore(givenOn) ? givenOn : today);
            EditionUnit decided = now.unit().orElse(null);
            boolean open = now.status() == Resolution.Status.MAPPED && decided == null;
            return new Placement(now.status(), givenOn, unit, now.province().orElse(null),
                    decided != null && decided.level() == AdminUnit.Level.COMMUNE ? decided : null,
                    open ? now.candidates().stream().map(UnitMapping::unit).toList() : List.of(),
                    open ? now.explanation() : null);
        }
    }

    /** The unit and its ancestors in its own edition, up to its province. */
    public List<EditionUnit> ancestry(EditionUnit unit) {
        return registry.ancestry(unit);
    }

    /** The unit and its ancestors by name, as registered ({@link AdminUnitRegistry#placeName}). */
    public String placeName(EditionUnit unit) {
        return registry.placeName(unit);
    }

    /** What the unit is today, "(nay: ...)", or null ({@link AdminUnitRegistry#placeNameToday}). */
    public String placeNameToday(EditionUnit unit) {
        LocalDate today = today();
        LocalDate edition = registry.edition(unit.edition()).map(AdminUnitEdition::from).orElse(null);
        // A unit of an edition not yet in force "today" (the clock went back) is named as it is.
        return edition != null && today.isBefore(edition) ? null : registry.placeNameToday(unit, today);
    }

    /**
     * The unit a code asked for today names, read as a jurisdiction code is: the unit in force today with the code,
     * else the unit of the latest earlier edition that had it (288 today is the old district Thành phố Hải Dương).
     *
     * @throws UnknownAdminUnit naming {@code field} when no edition up to today has the code
     */
    public EditionUnit unitAsked(String field, String code) {
        return registry.jurisdictionUnit(code, today()).orElseThrow(() -> new UnknownAdminUnit(field));
    }

    /**
     * Which venues lie in {@code unit}: those whose unit (their code, read on the day it was given) {@code unit}
     * {@link AdminUnitRegistry#covers(EditionUnit, EditionUnit) covers}. For each edition, the codes of the units it
     * covers there, each with the days on which that code names that unit ({@link AdminUnitRegistry#namedDays}): from the edition's first day (since ever for
     * the first edition) until the first later edition that has the code again, if any. So new province 31 Hải Phòng
     * selects the venues registered under old 30 Hải Dương, district 288 or its communes, whenever; and old 288 selects
     * the venues registered under new communes made only of its communes.
     */
    public List<VenueFilter.UnitCodes> venuesWithin(EditionUnit unit) {
        return covered.computeIfAbsent(unit, this::computeVenuesWithin);
    }

    private List<VenueFilter.UnitCodes> computeVenuesWithin(EditionUnit unit) {
        Map<AdminUnitRegistry.NamedDays, List<String>> byDays = new LinkedHashMap<>();
        for (AdminUnitEdition edition : registry.editions()) {
            for (EditionUnit u : registry.coveredIn(unit, edition.id())) {
                byDays.computeIfAbsent(registry.namedDays(u), k -> new ArrayList<>()).add(u.code());
            }
        }
        List<VenueFilter.UnitCodes> out = new ArrayList<>();
        byDays.forEach((days, codes) -> out.add(new VenueFilter.UnitCodes(codes, days.from(), days.until())));
        return List.copyOf(out);
    }
}
