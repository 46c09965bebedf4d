package org.qrtrace.tracing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.PresenceInterval;
import org.qrtrace.tracing.domain.PresenceLookup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of the presence store for exposure queries and presence lists. Every statement is bounded below by the
 * maximum stay, so PostgreSQL prunes day partitions and walks the (pseudonym, start) or (venue, start) index only.
 * The lateral subqueries end in {@code OFFSET 0}: without that fence PostgreSQL flattens them into a join and, for a
 * depth-2 query's thousands of windows, chose a hash join over a sequential scan of every partition (1.6 s at 1M
 * rows instead of 0.14 s through the index; worse with every million rows).
 */
@ApplicationScoped
public class PresenceRepository implements PresenceLookup {

    private static final String COLUMNS = "v.checkin_id, v.pseudonym, v.venue_id, v.checked_in_at, v.checked_out_at, v.sealed_contact";

    static final String VISITS_OF = "SELECT " + COLUMNS + " FROM visit v WHERE v.pseudonym = ? "
            + "AND v.checked_in_at >= ? AND v.checked_in_at < ? AND v.checked_out_at > ?";

    /** Visits up to this long are found through the main venue index; longer ones through {@code visit_venue_long}. */
    static final String SHORT_STAY = "interval '4 hours'";

    /**
     * Everyone at each window's venue intersecting the window, in two disjoint parts: visits that started at most
     * {@link #SHORT_STAY} before the window (main index, a few hours read per probe), and visits that started earlier,
     * up to the maximum stay, which are necessarily longer than that (partial index {@code visit_venue_long}, V3).
     */
    static final String VISITS_INTERSECTING = "SELECT " + COLUMNS
            + " FROM unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) AS w(venue_id, ws, we)"
            + " CROSS JOIN LATERAL ((SELECT * FROM visit x WHERE x.venue_id = w.venue_id"
            + " AND x.checked_in_at >= w.ws - " + SHORT_STAY + " AND x.checked_in_at < w.we AND x.checked_out_at > w.ws OFFSET 0)"
            + " UNION ALL (SELECT * FROM visit x WHERE x.venue_id = w.venue_id"
            + " AND x.checked_in_at >= w.ws - ?::interval AND x.checked_in_at < w.ws - " + SHORT_STAY
            + " AND x.checked_out_at > w.ws AND x.checked_out_at - x.checked_in_at > " + SHORT_STAY + " OFFSET 0)) v";

    static final String VISITS_STARTING_BETWEEN = "SELECT " + COLUMNS
            + " FROM unnest(?::text[], ?::timestamptz[]) AS f(pseudonym, since)"
            + " CROSS JOIN LATERAL (SELECT * FROM visit x WHERE x.pseudonym = f.pseudonym"
            + " AND x.checked_in_at >= f.since AND x.checked_in_at < ? OFFSET 0) v";

    private final Jdbc jdbc;
    private final TracingConfig config;

    PresenceRepository(Jdbc jdbc, TracingConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    private Duration maxStay() {
        return config.presence().maxStay();
    }

    @Override
    public List<PresenceInterval> visitsOf(String pseudonym, Instant from, Instant to) {
        return jdbc.query("read presence", VISITS_OF, PresenceRepository::interval, pseudonym, from.minus(maxStay()), to,
                from);
    }

    @Override
    public List<PresenceInterval> visitsIntersecting(Collection<PresenceInterval.Window> requested) {
        if (requested.isEmpty()) {
            return List.of();
        }
        return inParts(merged(requested), PARALLEL_WINDOWS, this::intersecting);
    }

    /**
     * A depth-2 query's lookups make thousands of index probes (one per window, or per F1 and day partition): split by
     * position over a few connections, PostgreSQL works (and waits for pages) on several cores at once. The parts are
     * plain reads of rows that are only ever added, so reading them outside the request's transaction is safe.
     */
    static <T> List<PresenceInterval> inParts(List<T> items, int parallelFrom,
                                                      java.util.function.Function<List<T>, List<PresenceInterval>> read) {
        if (items.size() < parallelFrom) {
            return read.apply(items);
        }
        int size = (items.size() + PARALLEL_PARTS - 1) / PARALLEL_PARTS;
        List<java.util.concurrent.Future<List<PresenceInterval>>> others = new ArrayList<>();
        for (int from = size; from < items.size(); from += size) {
            List<T> part = items.subList(from, Math.min(items.size(), from + size));
            others.add(LOOKUPS.submit(() -> read.apply(part)));
        }
        List<PresenceInterval> out = new ArrayList<>(read.apply(items.subList(0, size)));
        try {
            for (var other : others) {
                out.addAll(other.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("presence read interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            others.forEach(f -> f.cancel(true));
        }
        return out;
    }

    /** Lookups with at least this many windows (or people) are split into {@link #PARALLEL_PARTS} statements. */
    static final int PARALLEL_WINDOWS = 400;
    static final int PARALLEL_PEOPLE = 40;
    static final int PARALLEL_PARTS = 4;
    private static final java.util.concurrent.ExecutorService LOOKUPS = java.util.concurrent.Executors.newFixedThreadPool(
            PARALLEL_PARTS - 1, runnable -> {
                Thread t = new Thread(runnable, "presence-lookup");
                t.setDaemon(true);
                return t;
            });

    private List<PresenceInterval> intersecting(List<PresenceInterval.Window> windows) {
        return jdbc.query("read presence", VISITS_INTERSECTING, PresenceRepository::interval,
                windows.stream().map(PresenceInterval.Window::venueId).toList(),
                windows.stream().map(PresenceInterval.Window::start).toList(),
                windows.stream().map(PresenceInterval.Window::end).toList(), maxStay().getSeconds() + " seconds");
    }

    /**
     * The windows with those of one venue that overlap or touch merged: one index probe each instead of one per window
     * (people of a cluster often visit the same places together). Every visit intersecting a requested window
     * intersects its merged window, so the answer is a superset the caller's rules narrow down as before.
     */
    static List<PresenceInterval.Window> merged(Collection<PresenceInterval.Window> windows) {
        List<PresenceInterval.Window> sorted = new ArrayList<>(windows);
        sorted.sort(java.util.Comparator.comparing(PresenceInterval.Window::venueId)
                .thenComparing(PresenceInterval.Window::start));
        List<PresenceInterval.Window> out = new ArrayList<>(sorted.size());
        PresenceInterval.Window current = null;
        for (PresenceInterval.Window w : sorted) {
            if (current != null && current.venueId().equals(w.venueId()) && !w.start().isAfter(current.end())) {
                if (w.end().isAfter(current.end())) {
                    current = new PresenceInterval.Window(current.venueId(), current.start(), w.end());
                }
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = w;
            }
        }
        out.add(current);
        return out;
    }

    @Override
    public List<PresenceInterval> visitsStartingBetween(Map<String, Instant> startFromByPseudonym, Instant to) {
        if (startFromByPseudonym.isEmpty()) {
            return List.of();
        }
        return inParts(List.copyOf(startFromByPseudonym.keySet()), PARALLEL_PEOPLE,
                part -> startingBetween(part, startFromByPseudonym, to));
    }

    private List<PresenceInterval> startingBetween(List<String> pseudonyms, Map<String, Instant> startFromByPseudonym,
                                                   Instant to) {
        return jdbc.query("read presence", VISITS_STARTING_BETWEEN, PresenceRepository::interval, pseudonyms,
                pseudonyms.stream().map(startFromByPseudonym::get).toList(), to);
    }

    /** A venue's visits intersecting [from, to), with whether the check-out was scanned. */
    public List<VenueVisit> visitsAt(UUID venueId, Instant from, Instant to) {
        String sql = "SELECT checkin_id, pseudonym, checked_in_at, checked_out_at, explicit_checkout, dependant, sealed_contact"
                + " FROM visit WHERE venue_id = ? AND checked_in_at >= ? AND checked_in_at < ? AND checked_out_at > ?"
                + " ORDER BY checked_in_at, pseudonym";
        return jdbc.query("read presence", sql, rs -> new VenueVisit(Sql.uuid(rs, "checkin_id"), rs.getString("pseudonym"),
                Sql.instant(rs, "checked_in_at"), Sql.instant(rs, "checked_out_at"), rs.getBoolean("explicit_checkout"),
                rs.getBoolean("dependant"), rs.getString("sealed_contact")), venueId, from.minus(maxStay()), to, from);
    }

    /** A row of a venue's presence list. */
    public record VenueVisit(UUID checkinId, String pseudonym, Instant checkedInAt, Instant checkedOutAt,
                             boolean explicitCheckout, boolean dependant, String sealedContact) {
    }

    private static PresenceInterval interval(ResultSet rs) throws SQLException {
        return new PresenceInterval(Sql.uuid(rs, "checkin_id"), rs.getString("pseudonym"), Sql.uuid(rs, "venue_id"),
                Sql.instant(rs, "checked_in_at"), Sql.instant(rs, "checked_out_at"), rs.getString("sealed_contact"));
    }
}
