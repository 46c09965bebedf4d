package org.qrtrace.console.view;

import org.junit.jupiter.api.Test;
import org.qrtrace.console.api.Api;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qrtrace.console.view.Fixtures.MARKET;

class TimelineTest {

    @Test
    void oneRowPerVenueBarsOnOneAxis() {
        List<Api.IndexVisit> index = List.of(new Api.IndexVisit(MARKET, "Chợ Hải Tân", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T02:00:00Z")));
        Timeline.Chart chart = Timeline.build(index, Fixtures.contacts());
        assertEquals(3, chart.rows().size());
        assertEquals("Chợ Hải Tân", chart.rows().get(0).venue());
        Timeline.Row market = chart.rows().get(0);
        assertEquals(4, market.bars().size()); // the case's visit, F1 #1, F1 #2, F2 #4
        Timeline.Bar first = market.bars().get(0);
        assertEquals("index", first.kind());
        assertEquals(0.0, first.x());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), chart.from());
        assertEquals(Instant.parse("2026-12-02T09:45:00Z"), chart.to());
        for (Timeline.Row r : chart.rows()) {
            for (Timeline.Bar b : r.bars()) {
                assertTrue(b.x() >= 0 && b.x() + b.width() <= 100.0001, b.toString());
            }
        }
        assertEquals(5, chart.ticks().size());
        assertEquals("01/12/2026 07:00", chart.ticks().get(0).label());
        assertTrue(market.bars().get(1).label().startsWith("F1 08:00–09:00, 01/12/2026 (60′)"));
    }

    @Test
    void nothingToShow() {
        assertTrue(Timeline.build(List.of(), List.of()).isEmpty());
    }
}
