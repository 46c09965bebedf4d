package org.qrtrace.tracing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.tracing.domain.ExposureQueryNotFound;
import org.qrtrace.tracing.domain.ExposureResult;
import org.qrtrace.tracing.domain.ExposureTracer;
import org.qrtrace.tracing.domain.NotYourQuery;
import org.qrtrace.tracing.repository.ExposureQueryRepository;
import org.qrtrace.tracing.repository.ExposureQueryRepository.StoredQuery;
import org.qrtrace.tracing.repository.ExposureQueryRepository.StoredQueryRow;
import org.qrtrace.tracing.repository.PresenceRepository;
import org.qrtrace.tracing.service.ExposureRenderer.VenueScope;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Runs, stores and re-reads exposure queries for health officers: the {@link ExposureTracer} decides the contacts on
 * the whole presence store, the result is then restricted to venues inside the officer's jurisdiction, stored with
 * contacts still sealed ({@link StoredExposure}) and, when its reference names a case, as that case's contacts
 * ({@link CaseContacts}), audited, and rendered with phones opened for that officer
 * ({@link ExposureRenderer}).
 */
@ApplicationScoped
public class ExposureQueryService {

    private final ExposureRequests requests;
    private final PresenceRepository presence;
    private final ExposureQueryRepository queries;
    private final ExposureRenderer renderer;
    private final CaseContacts caseContacts;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;
    private final Clock clock;

    ExposureQueryService(ExposureRequests requests, PresenceRepository presence, ExposureQueryRepository queries,
                         ExposureRenderer renderer, CaseContacts caseContacts, AccessPolicy access, AuditLog audit,
                         ObjectMapper mapper, MeterRegistry metrics, Clock clock) {
        this.requests = requests;
        this.presence = presence;
        this.queries = queries;
        this.renderer = renderer;
        this.caseContacts = caseContacts;
        this.access = access;
        this.audit = audit;
        this.mapper = mapper;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public ExposureQueryView run(ExposureQueryRequest request) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        ExposureRequests.Query query = requests.read(request);
        ExposurePhases phases = new ExposurePhases(metrics, query.parameters().depth());

        ExposurePhases.TimedLookup lookup = new ExposurePhases.TimedLookup(presence);
        ExposureResult all = new ExposureTracer(lookup).trace(query.indexPseudonym().hex(), query.parameters());
        phases.done("trace", lookup.nanos());
        VenueScope scope = renderer.scope(all.venueIds(), jurisdiction);
        StoredExposure stored = StoredExposure.of(all.visibleAt(scope::visible));
        phases.done("jurisdiction");

        StoredQueryRow row = new StoredQueryRow(UUID.randomUUID(), clock.instant(), access.caller().subject(),
                access.role(), jurisdiction, request.caseReference(), json(query.shown()));
        byte[] result = ExposureQueryRepository.gzipJson(mapper, stored);
        phases.done("serialise");
        queries.insert(row, result);
        caseContacts.record(row.caseReference(), jurisdiction, stored);
        phases.done("store");
        audit.append(AuditLog.Action.EXPOSURE_QUERY, row.caseReference(), auditParameters(row.id(), query.shown()),
                stored.contacts().size());
        phases.done("audit");
        ExposureQueryView view = renderer.render(row, query.shown(), stored, scope);
        phases.done("render");
        return view;
    }

    /** A stored query, re-rendered for the officer who ran it (phones opened again, the read audited). */
    @Transactional
    public ExposureQueryView read(UUID id, AuditLog.Action action) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        StoredQuery found = queries.find(id).orElseThrow(() -> new ExposureQueryNotFound(id));
        StoredQueryRow row = found.row();
        if (!row.subject().equals(access.caller().subject()) || !jurisdiction.code().equals(row.jurisdiction().code())) {
            throw new NotYourQuery(id);
        }
        ExposureQueryView.Parameters parameters = parse(row.parametersJson(), ExposureQueryView.Parameters.class);
        StoredExposure stored = parse(found.resultJson(), StoredExposure.class);
        ExposureQueryView view = renderer.render(row, parameters, stored, renderer.scope(stored.venueIds(), jurisdiction));
        audit.append(action, row.caseReference(), auditParameters(id, parameters), view.contacts().size());
        return view;
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
