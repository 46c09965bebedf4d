package org.qrtrace.venue.service;

import org.junit.jupiter.api.Test;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.venue.domain.Category;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final LocalDate BEFORE = LocalDate.of(2025, 6, 15);

    private final VenueValidator validator = new VenueValidator();

    @Test
    void acceptsTheContractExampleAndNormalises() {
        VenueValidator.Result r = validator.validate(new VenueInput(" " + Normalizer.normalize("Bệnh viện Đa khoa Hải Dương",
                Normalizer.Form.NFD) + " ", "hospital", " 288 ", "225 Nguyễn Lương Bằng", "0220 3890 000", 800, null,
                List.of("Cổng chính", "Cổng cấp cứu")), true, TODAY);
        assertTrue(r.valid(), () -> r.errors().toString());
        assertEquals("Bệnh viện Đa khoa Hải Dương", r.draft().name());
        assertEquals(Category.HOSPITAL, r.draft().category());
        assertEquals("288", r.draft().adminUnitCode(), "a code of the former list is kept as it was given");
        assertEquals(TODAY, r.draft().adminUnitGivenOn());
        assertEquals("+842203890000", r.draft().contactPhone());
        assertEquals(List.of("Cổng chính", "Cổng cấp cứu"), r.draft().entranceNames());
    }

    @Test
    void reportsEveryBrokenRuleByField() {
        VenueValidator.Result r = validator.validate(new VenueInput("a".repeat(201), null, "1", " ", "+84 12",
                0, "o".repeat(101), List.of("Cổng", "", "CỔNG", "x\u0007")), true, TODAY);
        List<String> fields = r.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("name", "category", "adminUnitCode", "address", "contactPhone", "capacity", "organisation",
                "entrances[1].name", "entrances[2].name", "entrances[3].name"), fields);
        assertTrue(r.errors().get(7).message().contains("required"));
        assertTrue(r.errors().get(8).message().contains("same name"));
        assertTrue(r.errors().get(9).message().contains("control"));
    }

    @Test
    void entrancesAreIgnoredWhenNotAsked() {
        VenueValidator.Result r = validator.validate(new VenueInput("A", "OTHER", "30", "B", null, null, null,
                List.of("")), false, TODAY);
        assertTrue(r.valid());
        assertEquals(List.of(), r.draft().entranceNames());
    }

    @Test
    void aCodeIsCheckedForTheDayItIsGiven() {
        for (String code : new String[] {"31", "11311", "288", "30", "10510"}) {
            assertTrue(validator.validate(input(code), false, TODAY).valid(), code + " on " + TODAY);
        }
        VenueValidator.Result unknown = validator.validate(input("99999"), false, TODAY);
        assertEquals(List.of("adminUnitCode"), unknown.errors().stream().map(FieldError::field).toList());
        assertTrue(unknown.errors().get(0).message().contains("No administrative unit has code 99999"),
                unknown.errors().get(0).message());
        VenueValidator.Result tooEarly = validator.validate(input("11948"), false, BEFORE);
        assertTrue(tooEarly.errors().get(0).message().contains("only from 2025-07-01"), "Bạch Long Vĩ is new");
        assertTrue(validator.validate(input("11948"), false, TODAY).valid());
        assertEquals(BEFORE, validator.validate(input("288"), false, BEFORE).draft().adminUnitGivenOn());
    }

    private static VenueInput input(String code) {
        return new VenueInput("A", "OTHER", code, "B", null, null, null, null);
    }
}
