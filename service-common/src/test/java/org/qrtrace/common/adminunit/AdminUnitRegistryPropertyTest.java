package org.qrtrace.common.adminunit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminUnitRegistryPropertyTest {

    static final AdminUnitRegistry REGISTRY = AdminUnitRegistry.bundled();
    static final List<String> EDITIONS = REGISTRY.editions().stream().map(AdminUnitEdition::id).toList();

    @Property(tries = 300)
    void exactlyOneEditionIsInForceOnAnyDay(@ForAll @IntRange(min = -20_000, max = 20_000) int day) {
        LocalDate date = LocalDate.of(2025, 7, 1).plusDays(day);
        List<AdminUnitEdition> inForce = REGISTRY.editions().stream().filter(e -> e.inForceOn(date)).toList();
        assertEquals(List.of(REGISTRY.editionOn(date)), inForce);
    }

    @Property(tries = 500)
    void resolveIsInForceMappedOrUnknownByWhichEditionsHaveTheCode(@ForAll("codes") String code,
                                                                   @ForAll @IntRange(min = -1_000, max = 1_000) int day) {
        LocalDate date = LocalDate.of(2025, 7, 1).plusDays(day);
        Resolution r = REGISTRY.resolve(code, date);
        int now = EDITIONS.indexOf(REGISTRY.editionOn(date).id());
        List<Integer> having = REGISTRY.withCode(code).stream().map(u -> EDITIONS.indexOf(u.edition())).toList();
        Resolution.Status expected = having.contains(now) ? Resolution.Status.IN_FORCE
                : having.stream().anyMatch(i -> i < now) ? Resolution.Status.MAPPED : Resolution.Status.UNKNOWN;
        assertEquals(expected, r.status(), code + " on " + date);
        if (r.status() != Resolution.Status.UNKNOWN) {
            assertTrue(r.unit().isPresent() || !r.candidates().isEmpty(), r.explanation());
            r.unit().ifPresent(u -> assertEquals(REGISTRY.editionOn(date).id(), u.edition()));
        }
    }

    @Provide
    Arbitrary<String> codes() {
        List<String> real = Stream.concat(REGISTRY.tree("2025-03-01").all().stream(), REGISTRY.tree("2025-07-01").all().stream())
                .map(AdminUnit::code).distinct().toList();
        return Arbitraries.oneOf(Arbitraries.of(real), Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(5));
    }
}
