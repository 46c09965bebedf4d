package org.qrtrace.tracing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.qrtrace.common.crypto.Pseudonymiser;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.phone.E164Phone;
import org.qrtrace.common.phone.InvalidPhoneException;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.ExposureQueryNotFound;
import org.qrtrace.tracing.domain.NotYourQuery;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.domain.Contact;
import org.qrtrace.tracing.domain.ExposureParameters;
import org.qrtrace.tracing.domain.ExposureResult;
import org.qrtrace.tracing.domain.ExposureTracer;
import org.qrtrace.tracing.domain.Overlap;
import org.qrtrace.tracing.domain.PresenceInterval;
import org.qrtrace.tracing.repository.ExposureQueryRepository;
import org.qrtrace.tracing.repository.ExposureQueryRepository.StoredQuery;
import org.qrtrace.tracing.repository.ExposureQueryRepository.StoredQueryRow;
import org.qrtrace.tracing.repository.PresenceRepository;
import org.qrtrace.tracing.repository.VenueDirectory;
import org.qrtrace.tracing.repository.VenueDirectory.Venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs, stores and re-reads exposure queries for health officers: the {@link ExposureTracer} decides the contacts on
 * the whole presence store, the result is then restricted to venues inside the officer's jurisdiction, stored with
 * contacts still sealed, audited, and rendered with phones opened for that officer.
 */
@ApplicationScoped
public class ExposureQueryService {

    @Inject
    PresenceRepository presence;

    @Inject
    VenueDirectory venues;

    @Inject
    ExposureQueryRepository queries;

    @Inject
    AccessPolicy access;

    @Inject
    ContactOpener contacts;

    @Inject
    AuditLog audit;

    @Inject
    TracingConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    /** Base64 HMAC pepper shared with checkin-service: the pseudonym of an index case typed in by phone. */
    @ConfigProperty(name = "qrtrace.pepper")
    String pepper;

    @Inject
    Clock clock;

    /** Answers with more contacts than this are rendered (contacts opened) in parallel. */
    static final int PARALLEL_RENDER_FROM = 500;

    private Pseudonymiser pseudonymiser;

    @PostConstruct
    void init() {
        pseudonymiser = Pseudonymiser.fromBase64(pepper);
    }

    /** The stored form of a result: no plain phone, contacts keep their sealed channel. */
    record StoredResult(List<StoredIndexVisit> indexVisits, List<StoredContact> contacts, int indexVisitsOmitted,
                        int contactsOmitted) {
    }

    record StoredIndexVisit(UUID venueId, Instant checkedInAt, Instant checkedOutAt) {
    }

    record StoredContact(String pseudonym, String tier, String sealedContact, List<StoredOverlap> overlaps) {
    }

    record StoredOverlap(UUID venueId, Instant start, Instant end, long minutes) {
    }

    @Transactional
    public ExposureQueryView run(ExposureQueryRequest request) {
        String jurisdiction = access.officerJurisdiction();
        String indexPseudonym = indexPseudonym(request);
        ExposureParameters parameters = parameters(request);

        Phases phases = new Phases(metrics, parameters.depth());
        TimedLookup lookup = new TimedLookup(presence);
        ExposureResult all = new ExposureTracer(lookup).trace(indexPseudonym, parameters);
        phases.done("trace", lookup.nanos);
        Map<UUID, Venue> known = venues.findAll(venueIds(all));
        Set<UUID> inJurisdiction = inJurisdiction(known, jurisdiction);
        ExposureResult visible = all.visibleAt(inJurisdiction::contains);
        phases.done("jurisdiction");

        ExposureQueryView.Parameters shownParameters = new ExposureQueryView.Parameters(indexPseudonym,
                parameters.from(), parameters.to(), (int) parameters.buffer().toMinutes(),
                (int) parameters.minOverlap().toMinutes(), parameters.depth());
        StoredResult stored = store(visible);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        StoredQueryRow row = new StoredQueryRow(id, now, access.caller().subject(), access.role(), jurisdiction,
                request.caseReference(), json(shownParameters));
        byte[] result = ExposureQueryRepository.gzipJson(mapper, stored);
        phases.done("serialise");
        queries.insert(row, result);
        phases.done("store");
        audit.append(AuditLog.Action.EXPOSURE_QUERY, request.caseReference(), auditParameters(id, shownParameters),
                stored.contacts().size());
        phases.done("audit");
        ExposureQueryView view = render(id, request.caseReference(), now, shownParameters, stored, known, inJurisdiction);
        phases.done("render");
        return view;
    }

    /** Where an exposure query's time goes, as timers {@code tracing.exposure.phase{phase,depth}} at /q/metrics. */
    private static final class Phases {
        private final MeterRegistry registry;
        private final String depth;
        private long last = System.nanoTime();

        Phases(MeterRegistry registry, int depth) {
            this.registry = registry;
            this.depth = String.valueOf(depth);
        }

        void done(String phase) {
            done(phase, 0);
        }

        /** A phase of which {@code sqlNanos} were spent waiting for PostgreSQL (recorded as phase "PHASE-sql"). */
        void done(String phase, long sqlNanos) {
            long now = System.nanoTime();
            if (sqlNanos > 0) {
                record(phase + "-sql", sqlNanos);
            }
            record(phase, now - last - sqlNanos);
            last = now;
        }

        private void record(String phase, long nanos) {
            registry.timer("tracing.exposure.phase", "phase", phase, "depth", depth)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The presence store, timing its reads for {@link Phases}. */
    private static final class TimedLookup implements org.qrtrace.tracing.domain.PresenceLookup {
        private final org.qrtrace.tracing.domain.PresenceLookup store;
        long nanos;

        TimedLookup(org.qrtrace.tracing.domain.PresenceLookup store) {
            this.store = store;
        }

        private <T> T timed(java.util.function.Supplier<T> read) {
            long start = System.nanoTime();
            try {
                return read.get();
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public List<PresenceInterval> visitsOf(String pseudonym, Instant from, Instant to) {
            return timed(() -> store.visitsOf(pseudonym, from, to));
        }

        @Override
        public List<PresenceInterval> visitsIntersecting(java.util.Collection<PresenceInterval.Window> windows) {
            return timed(() -> store.visitsIntersecting(windows));
        }

        @Override
        public List<PresenceInterval> visitsStartingBetween(Map<String, Instant> startFromByPseudonym, Instant to) {
            return timed(() -> store.visitsStartingBetween(startFromByPseudonym, to));
        }
    }

    /** A stored query, re-rendered for the officer who ran it (phones opened again, the read audited). */
    @Transactional
    public ExposureQueryView read(UUID id, AuditLog.Action action) {
        String jurisdiction = access.officerJurisdiction();
        StoredQuery found = queries.find(id).orElseThrow(() -> new ExposureQueryNotFound(id));
        StoredQueryRow row = found.row();
        if (!row.subject().equals(access.caller().subject()) || !jurisdiction.equals(row.jurisdiction())) {
            throw new NotYourQuery(id);
        }
        ExposureQueryView.Parameters parameters = parse(row.parametersJson(), ExposureQueryView.Parameters.class);
        StoredResult stored = parse(found.resultJson(), StoredResult.class);
        ExposureQueryView view = render(id, row.caseReference(), row.createdAt(), parameters, stored, jurisdiction);
        audit.append(action, row.caseReference(), auditParameters(id, parameters), view.contacts().size());
        return view;
    }

    private String indexPseudonym(ExposureQueryRequest r) {
        boolean hasPhone = r.phone() != null && !r.phone().isBlank();
        boolean hasPseudonym = r.pseudonym() != null && !r.pseudonym().isBlank();
        if (hasPhone == hasPseudonym) {
            throw InvalidInput.field(hasPhone ? "pseudonym" : "phone",
                    hasPhone ? "give either phone or pseudonym, not both" : "phone or pseudonym of the index person is required");
        }
        if (hasPseudonym) {
            return r.pseudonym();
        }
        try {
            return pseudonymiser.pseudonymOf(E164Phone.parse(r.phone()));
        } catch (InvalidPhoneException e) {
            throw InvalidInput.field("phone", e.getMessage());
        }
    }

    private ExposureParameters parameters(ExposureQueryRequest r) {
        QueryWindow.check(r.from(), r.to(), config.exposure().maxWindow());
        int buffer = Optional.ofNullable(r.bufferMinutes()).orElse(config.exposure().defaultBufferMinutes());
        if (buffer > config.exposure().maxBufferMinutes()) {
            throw InvalidInput.field("bufferMinutes", "must be <= " + config.exposure().maxBufferMinutes());
        }
        int minOverlap = Optional.ofNullable(r.minOverlapMinutes()).orElse(config.exposure().defaultMinOverlapMinutes());
        int depth = Optional.ofNullable(r.depth()).orElse(1);
        return new ExposureParameters(r.from(), r.to(), Duration.ofMinutes(buffer), Duration.ofMinutes(minOverlap), depth);
    }

    private static StoredResult store(ExposureResult r) {
        List<StoredIndexVisit> index = r.indexVisits().stream()
                .map(v -> new StoredIndexVisit(v.venueId(), v.start(), v.end())).toList();
        List<StoredContact> contacts = r.contacts().stream().map(ExposureQueryService::store).toList();
        return new StoredResult(index, contacts, r.indexVisitsOmitted(), r.contactsOmitted());
    }

    private static StoredContact store(Contact c) {
        List<StoredOverlap> overlaps = c.overlaps().stream()
                .map((Overlap o) -> new StoredOverlap(o.venueId(), o.start(), o.end(), o.minutes())).toList();
        return new StoredContact(c.pseudonym(), c.tier().name(), c.latestSealedContact(), overlaps);
    }

    private ExposureQueryView render(UUID id, String caseReference, Instant createdAt, ExposureQueryView.Parameters parameters,
                                     StoredResult stored, String jurisdiction) {
        Map<UUID, Venue> known = venues.findAll(venueIds(stored));
        Set<UUID> inJurisdiction = inJurisdiction(known, jurisdiction);
        return render(id, caseReference, createdAt, parameters, stored, known, inJurisdiction);
    }

    /** @param known the venues of the result by id; @param inJurisdiction those inside the officer's jurisdiction */
    private ExposureQueryView render(UUID id, String caseReference, Instant createdAt, ExposureQueryView.Parameters parameters,
                                     StoredResult stored, Map<UUID, Venue> known, Set<UUID> inJurisdiction) {
        List<ExposureQueryView.IndexVisit> index = stored.indexVisits().stream()
                .map(v -> new ExposureQueryView.IndexVisit(v.venueId(), nameOf(known, v.venueId()), v.checkedInAt(), v.checkedOutAt()))
                .toList();
        boolean officer = access.caller().hasRole(Roles.HEALTH_OFFICER);
        // Opening thousands of sealed contacts (depth 2) is CPU work: spread over the cores; order is kept.
        var source = stored.contacts().size() > PARALLEL_RENDER_FROM ? stored.contacts().parallelStream() : stored.contacts().stream();
        List<ExposureQueryView.ContactView> shown = source.map(c -> {
            boolean mayOpen = officer && c.overlaps().stream().allMatch(o -> inJurisdiction.contains(o.venueId()));
            Optional<SealedContact> contact = mayOpen ? contacts.open(c.sealedContact()) : Optional.empty();
            List<ExposureQueryView.OverlapView> overlaps = c.overlaps().stream()
                    .map(o -> new ExposureQueryView.OverlapView(o.venueId(), nameOf(known, o.venueId()), o.start(), o.end(), o.minutes()))
                    .toList();
            return new ExposureQueryView.ContactView(c.pseudonym(), contact.map(SealedContact::phone).orElse(null),
                    contact.map(SealedContact::name).orElse(null), c.tier(), overlaps.get(0).start(), overlaps);
        }).toList();
        return new ExposureQueryView(id, caseReference, createdAt, parameters, index, shown,
                new ExposureQueryView.Omitted(stored.indexVisitsOmitted(), stored.contactsOmitted()));
    }

    private static Set<UUID> inJurisdiction(Map<UUID, Venue> known, String jurisdiction) {
        Set<UUID> ids = new HashSet<>();
        known.values().stream().filter(v -> AccessPolicy.covers(jurisdiction, v)).forEach(v -> ids.add(v.venueId()));
        return ids;
    }

    private static Set<UUID> venueIds(ExposureResult result) {
        Set<UUID> ids = new HashSet<>();
        result.indexVisits().forEach(v -> ids.add(v.venueId()));
        result.contacts().forEach(c -> c.overlaps().forEach(o -> ids.add(o.venueId())));
        return ids;
    }

    private static Set<UUID> venueIds(StoredResult result) {
        Set<UUID> ids = new HashSet<>();
        result.indexVisits().forEach(v -> ids.add(v.venueId()));
        result.contacts().forEach(c -> c.overlaps().forEach(o -> ids.add(o.venueId())));
        return ids;
    }

    private static String nameOf(Map<UUID, Venue> known, UUID id) {
        Venue v = known.get(id);
        return v == null ? null : v.name();
    }

    private static Map<String, Object> auditParameters(UUID id, ExposureQueryView.Parameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queryId", id.toString());
        m.put("indexPseudonym", p.indexPseudonym());
        m.put("from", p.from().toString());
        m.put("to", p.to().toString());
        m.put("bufferMinutes", p.bufferMinutes());
        m.put("minOverlapMinutes", p.minOverlapMinutes());
        m.put("depth", p.depth());
        return m;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store exposure query", e);
        }
    }

    private <T> T parse(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored exposure query is unreadable", e);
        }
    }
}
