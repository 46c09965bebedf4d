package org.qrtrace.tracing.service;

import org.qrtrace.common.adminunit.AdminUnitCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.PopulationCount;
import org.qrtrace.events.AdminUnitPopulationSet;
import org.qrtrace.events.CheckedIn;
import org.qrtrace.events.CheckedOut;
import org.qrtrace.events.EventEnvelope;
import org.qrtrace.events.VenueClosed;
import org.qrtrace.events.VenueRegistered;
import org.qrtrace.events.VenueUpdated;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.repository.IngestRepository;
import org.qrtrace.tracing.repository.IngestRepository.VisitRow;
import org.qrtrace.tracing.repository.PopulationRepository;
import org.qrtrace.tracing.repository.VenueDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of decoded events in one transaction: event ids are claimed first ({@code ON CONFLICT DO NOTHING}),
 * so a replayed or duplicated event changes nothing. Check-ins become visits (one per person), check-outs close them
 * in either arrival order, venue events maintain the venue directory, population events the populations reports use.
 */
@ApplicationScoped
public class EventApplier {

    private final IngestRepository ingest;
    private final VenueDirectory venues;
    private final PopulationRepository populations;
    private final TracingConfig config;
    private final PartitionMaintenance partitions;
    private final MeterRegistry metrics;
    private final Clock clock;

    EventApplier(IngestRepository ingest, VenueDirectory venues, PopulationRepository populations, TracingConfig config,
                 PartitionMaintenance partitions, MeterRegistry metrics, Clock clock) {
        this.ingest = ingest;
        this.venues = venues;
        this.populations = populations;
        this.config = config;
        this.partitions = partitions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a batch did, for metrics and tests. */
    public record Outcome(int applied, int duplicates, int expired) {
    }

    /**
     * Why an event that decoded cannot be applied, or null when it can. Such events are dead-lettered, not retried.
     */
    public static String semanticProblem(EventEnvelope e) {
        if (e.payload() instanceof CheckedIn in) {
            if (in.checkinId() == null || in.pseudonym() == null || in.pseudonym().isBlank()
                    || in.checkedInAt() == null || in.autoCheckoutAt() == null) {
                return "CheckedIn without checkinId, pseudonym, checkedInAt or autoCheckoutAt";
            }
            if (!in.autoCheckoutAt().isAfter(in.checkedInAt())) {
                return "CheckedIn whose autoCheckoutAt is not after checkedInAt";
            }
            if (in.dependants().stream().anyMatch(d -> d.pseudonym() == null || d.pseudonym().isBlank())) {
                return "CheckedIn with a dependant without pseudonym";
            }
        } else if (e.payload() instanceof CheckedOut out) {
            if (out.checkinId() == null || out.checkedOutAt() == null) {
                return "CheckedOut without checkinId or checkedOutAt";
            }
        } else if (e.payload() instanceof VenueRegistered r) {
            if (r.name() == null || r.category() == null || !isUnitCode(r.adminUnitCode())) {
                return "VenueRegistered without name, category or a well-formed adminUnitCode";
            }
        } else if (e.payload() instanceof VenueUpdated u) {
            if (u.name() == null || u.category() == null || !isUnitCode(u.adminUnitCode())) {
                return "VenueUpdated without name, category or a well-formed adminUnitCode";
            }
        } else if (e.payload() instanceof AdminUnitPopulationSet p) {
            if (p.edition() == null || !isUnitCode(p.code()) || p.count() <= 0 || p.source() == null) {
                return "AdminUnitPopulationSet without edition, a well-formed code, a positive count or a source";
            }
        }
        return null;
    }

    private static boolean isUnitCode(String code) {
        try {
            return code != null && AdminUnitCode.of(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Transactional
    public Outcome apply(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        Set<UUID> fresh = ingest.claimNew(events.stream().map(EventEnvelope::eventId).toList(),
                events.stream().map(EventEnvelope::type).toList());
        Duration maxStay = config.presence().maxStay();
        Instant oldestKept = partitions.retentionBoundary(clock.instant());
        List<CheckedIn> checkins = new ArrayList<>();
        int applied = 0;
        int expired = 0;
        Set<UUID> seen = new java.util.HashSet<>();
        for (EventEnvelope e : events) {
            if (!fresh.contains(e.eventId()) || !seen.add(e.eventId())) {
                continue;
            }
            applied++;
            if (e.payload() instanceof CheckedIn in) {
                if (in.checkedInAt().isBefore(oldestKept)) {
                    expired++;
                } else {
                    checkins.add(in);
                }
            } else if (e.payload() instanceof CheckedOut out) {
                flush(checkins, maxStay);
                if (ingest.checkOut(out.checkinId(), out.checkedOutAt(), maxStay) == 0) {
                    ingest.addPendingCheckout(out.checkinId(), out.checkedOutAt());
                }
            } else if (e.payload() instanceof VenueRegistered r) {
                venues.register(r.venueId(), r.name(), r.category(), AdminUnitCode.of(r.adminUnitCode()), r.address(),
                        e.occurredAt());
            } else if (e.payload() instanceof VenueUpdated u) {
                venues.update(u.venueId(), u.name(), u.category(), AdminUnitCode.of(u.adminUnitCode()), u.address(),
                        e.occurredAt());
            } else if (e.payload() instanceof VenueClosed c) {
                venues.close(c.venueId(), c.closedAt() == null ? e.occurredAt() : c.closedAt());
            } else if (e.payload() instanceof AdminUnitPopulationSet p) {
                populations.record(new PopulationCount(p.edition(), p.code(), p.count(), p.year(), p.source()),
                        p.setAt() == null ? e.occurredAt() : p.setAt());
            }
            // Entrances, key rotations and revocations do not change who was where.
        }
        flush(checkins, maxStay);
        int duplicates = events.size() - applied;
        metrics.counter("tracing.events.applied").increment(applied);
        metrics.counter("tracing.events.duplicates").increment(duplicates);
        metrics.counter("tracing.events.expired").increment(expired);
        return new Outcome(applied, duplicates, expired);
    }

    /** Inserts the buffered check-ins in one batch, closing those whose check-out arrived first. */
    private void flush(List<CheckedIn> checkins, Duration maxStay) {
        if (checkins.isEmpty()) {
            return;
        }
        Map<UUID, Instant> pending = ingest.takePendingCheckouts(checkins.stream().map(CheckedIn::checkinId).toList());
        Map<String, VisitRow> rows = new LinkedHashMap<>();
        for (CheckedIn in : checkins) {
            Instant explicit = pending.get(in.checkinId());
            Instant end = explicit == null ? in.autoCheckoutAt() : explicit;
            end = clamp(in.checkedInAt(), end, maxStay);
            String source = in.source() == null ? "UNKNOWN" : in.source().name();
            add(rows, new VisitRow(in.checkinId(), in.pseudonym(), in.venueId(), in.entranceId(), in.checkedInAt(), end,
                    in.autoCheckoutAt(), explicit != null, false, in.sealedContact(), source));
            for (CheckedIn.Dependant d : in.dependants()) {
                add(rows, new VisitRow(in.checkinId(), d.pseudonym(), in.venueId(), in.entranceId(), in.checkedInAt(), end,
                        in.autoCheckoutAt(), explicit != null, true, d.sealedContact(), source));
            }
        }
        ingest.insertVisits(List.copyOf(rows.values()));
        checkins.clear();
    }

    private static void add(Map<String, VisitRow> rows, VisitRow row) {
        rows.putIfAbsent(row.checkinId() + "/" + row.pseudonym(), row);
    }

    /** Never before the check-in (at least a second), never longer than the maximum stay. */
    static Instant clamp(Instant start, Instant end, Duration maxStay) {
        Instant earliest = start.plusSeconds(1);
        Instant latest = start.plus(maxStay);
        return end.isBefore(earliest) ? earliest : end.isAfter(latest) ? latest : end;
    }
}
