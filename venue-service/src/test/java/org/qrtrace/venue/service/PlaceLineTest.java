package org.qrtrace.venue.service;

import org.junit.jupiter.api.Test;
import org.qrtrace.venue.domain.Placement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The place line of a poster: the unit as registered, and what it is today where the mergers decide it. */
class PlaceLineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    final VenuePlacements placements = new VenuePlacements(
            Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneOffset.UTC));

    private String line(String code, LocalDate givenOn) {
        Placement p = placements.placer().place(code, givenOn);
        String today = placements.placeNameToday(p.unit());
        return placements.placeName(p.unit()) + (today == null ? "" : " " + today);
    }

    @Test
    void aUnitInForceIsNamedAsItIs() {
        assertEquals("Phường Hồng Bàng, Thành phố Hải Phòng", line("11311", TODAY));
        assertEquals("Thành phố Hải Phòng", line("31", TODAY));
    }

    @Test
    void aUnitOfAnEarlierListIsNamedAsRegisteredThenAsItIsToday() {
        assertEquals("Thành phố Hải Dương, Tỉnh Hải Dương (nay: Thành phố Hải Phòng)", line("288", TODAY));
        assertEquals("Phường Bình Hàn, Thành phố Hải Dương, Tỉnh Hải Dương (nay: Phường Thành Đông, Thành phố Hải Phòng)",
                line("10510", TODAY));
        assertEquals("Phường Cẩm Thượng, Thành phố Hải Dương, Tỉnh Hải Dương (nay: Phường Thành Đông, Thành phố Hải Phòng)",
                line("10507", LocalDate.of(2025, 6, 15)));
        assertEquals("Tỉnh Hải Dương (nay: Thành phố Hải Phòng)", line("30", TODAY));
    }

    @Test
    void nothingIsAddedThatWouldRepeatTheNameOrGuess() {
        assertEquals("Quận Hồng Bàng, Thành phố Hải Phòng", line("303", TODAY),
                "the province kept its name and the district's commune is not decided");
    }
}
