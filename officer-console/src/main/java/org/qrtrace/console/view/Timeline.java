package org.qrtrace.console.view;

import org.qrtrace.console.api.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The timeline of a case, one row per venue: the index person's visits (when an exposure query of this session gave
 * them) and each contact's overlap there, as bars on one time axis. Positions are percentages of the axis, drawn as SVG
 * rectangles (attributes, not inline styles: the CSP allows no inline style).
 */
public final class Timeline {

    public record Bar(String kind, double x, double width, String label) {
    }

    public record Row(String venue, List<Bar> bars, int height) {
    }

    public record Tick(double x, String label) {
    }

    public record Chart(List<Row> rows, List<Tick> ticks, Instant from, Instant to) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    private record Item(UUID venue, String venueName, String kind, Instant start, Instant end, String label) {
    }

    private Timeline() {
    }

    public static Chart build(List<Api.IndexVisit> indexVisits, List<Api.Contact> contacts) {
        List<Item> items = new ArrayList<>();
        for (Api.IndexVisit v : indexVisits) {
            if (v.checkedInAt() != null && v.checkedOutAt() != null) {
                items.add(new Item(v.venueId(), v.venueName(), "index", v.checkedInAt(), v.checkedOutAt(),
                        Times.window(v.checkedInAt(), v.checkedOutAt())));
            }
        }
        for (Api.Contact c : contacts) {
            for (Api.VenueOverlap o : c.venues()) {
                if (o.start() != null && o.end() != null) {
                    items.add(new Item(o.venueId(), o.venueName(), c.tier(), o.start(), o.end(),
                            c.tier() + " " + Times.window(o.start(), o.end()) + " (" + o.minutes() + "′)"));
                }
            }
        }
        if (items.isEmpty()) {
            return new Chart(List.of(), List.of(), null, null);
        }
        Instant from = items.stream().map(Item::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = items.stream().map(Item::end).max(Comparator.naturalOrder()).orElseThrow();
        long span = Math.max(60, Duration.between(from, to).toSeconds());
        Map<UUID, List<Item>> byVenue = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing(Item::start)).forEach(i -> byVenue.computeIfAbsent(i.venue(), k -> new ArrayList<>()).add(i));
        List<Row> rows = new ArrayList<>();
        for (List<Item> venueItems : byVenue.values()) {
            List<Bar> bars = new ArrayList<>();
            for (Item i : venueItems) {
                double x = 100.0 * Duration.between(from, i.start()).toSeconds() / span;
                double w = Math.max(0.4, 100.0 * Duration.between(i.start(), i.end()).toSeconds() / span);
                bars.add(new Bar(i.kind(), round(x), round(Math.min(w, 100 - x)), i.label()));
            }
            String name = venueItems.get(0).venueName() == null ? String.valueOf(venueItems.get(0).venue())
                    : venueItems.get(0).venueName();
            rows.add(new Row(name, bars, 0));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            Instant t = from.plusSeconds(span * i / 4);
            ticks.add(new Tick(25.0 * i, Times.local(t)));
        }
        return new Chart(rows, ticks, from, to);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
