package org.qrtrace.tracing.service;

import org.qrtrace.common.crypto.Pseudonym;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.adminunit.AdminUnitRegistry;
import org.qrtrace.common.adminunit.Resolution;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.CaseStatus;
import org.qrtrace.tracing.domain.DuplicateCaseReference;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.tracing.repository.CaseRepository;
import org.qrtrace.tracing.repository.CaseRepository.CaseRow;
import org.qrtrace.tracing.repository.CaseRepository.ChainRow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Confirmed cases, for health officers whose jurisdiction covers the case's unit: opened (the phone becomes its
 * pseudonym at once), listed, read, and the chain of cases linked from one another. Every read and write is audited.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final CaseAccess caseAccess;
    private final PersonPseudonyms persons;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    CaseService(CaseRepository cases, CaseAccess caseAccess, PersonPseudonyms persons, AccessPolicy access,
                AuditLog audit, Clock clock) {
        this.cases = cases;
        this.caseAccess = caseAccess;
        this.persons = persons;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CaseView open(CaseRequest request) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        Pseudonym pseudonym = persons.pseudonymOf(request.phone(), request.pseudonym());
        AdminUnitCode unit = knownUnit(parseUnit(request.adminUnitCode()));
        if (!jurisdiction.covers(unit)) {
            throw new OutsideJurisdiction("administrative unit " + unit);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (request.confirmedAt().isAfter(now)) {
            throw InvalidInput.field("confirmedAt", "must not be in the future");
        }
        if (request.linkedFromCaseId() != null && cases.find(request.linkedFromCaseId()).isEmpty()) {
            throw InvalidInput.field("linkedFromCaseId", "no case " + request.linkedFromCaseId());
        }
        CaseRow row = new CaseRow(UUID.randomUUID(), request.caseReference().strip(), pseudonym, request.confirmedAt(),
                unit, AdminUnitRegistry.dayOf(now), CaseStatus.OPEN, now, access.caller().subject(), request.linkedFromCaseId());
        if (!cases.insert(row)) {
            throw new DuplicateCaseReference(row.caseReference());
        }
        Map<String, Object> parameters = caseParameters(row);
        parameters.put("pseudonym", pseudonym.hex());
        parameters.put("adminUnitCode", unit.value());
        if (row.linkedFromCaseId() != null) {
            parameters.put("linkedFromCaseId", row.linkedFromCaseId().toString());
        }
        audit.append(AuditLog.Action.CASE_OPEN, row.caseReference(), parameters, 1);
        return CaseView.of(row);
    }

    /** Cases of a unit's subtree (the officer's jurisdiction when none is given), newest confirmation first. */
    @Transactional
    public List<CaseView> list(AdminUnitCode asked, CaseStatus status, int limit) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        AdminUnitCode unit = asked == null ? jurisdiction.unit() : knownUnit(asked);
        if (!jurisdiction.covers(unit)) {
            throw new OutsideJurisdiction("administrative unit " + unit);
        }
        Jurisdiction scope = new Jurisdiction(unit, jurisdiction.on());
        List<CaseView> found = cases.list(scope.candidateCodes(), status, limit).stream()
                .filter(c -> scope.covers(c.adminUnitCode(), c.adminUnitGivenOn()))
                .map(CaseView::of).toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("adminUnitCode", unit.value());
        parameters.put("status", status == null ? null : status.name());
        parameters.put("limit", limit);
        audit.append(AuditLog.Action.CASE_LIST, null, parameters, found.size());
        return found;
    }

    @Transactional
    public CaseView get(UUID id) {
        CaseRow row = caseAccess.readable(id).row();
        audit.append(AuditLog.Action.CASE_READ, row.caseReference(), caseParameters(row), 1);
        return CaseView.of(row);
    }

    /**
     * The tree the case belongs to, from its root. Cases of the tree in other jurisdictions are shown too (id,
     * reference, confirmation time: no person), so that an officer sees where a chain came from.
     */
    @Transactional
    public CaseView.ChainNode chain(UUID id) {
        CaseRow row = caseAccess.readable(id).row();
        List<ChainRow> tree = cases.treeOf(id);
        Map<UUID, List<ChainRow>> children = new HashMap<>();
        ChainRow root = null;
        for (ChainRow c : tree) {
            if (c.linkedFromCaseId() == null) {
                root = c;
            } else {
                children.computeIfAbsent(c.linkedFromCaseId(), k -> new ArrayList<>()).add(c);
            }
        }
        audit.append(AuditLog.Action.CASE_CHAIN_READ, row.caseReference(), caseParameters(row), tree.size());
        return node(root, children);
    }

    private static CaseView.ChainNode node(ChainRow c, Map<UUID, List<ChainRow>> children) {
        List<CaseView.ChainNode> below = children.getOrDefault(c.id(), List.of()).stream()
                .map(child -> node(child, children)).toList();
        return new CaseView.ChainNode(c.id(), c.caseReference(), c.confirmedAt(), below);
    }

    private static Map<String, Object> caseParameters(CaseRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseId", row.id().toString());
        return m;
    }

    private static AdminUnitCode parseUnit(String code) {
        try {
            return AdminUnitCode.of(code.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("adminUnitCode", "must be an administrative unit code of 2 to 5 digits");
        }
    }

    private AdminUnitCode knownUnit(AdminUnitCode code) {
        if (AdminUnitRegistry.bundled().resolve(code, access.today()).status() == Resolution.Status.UNKNOWN) {
            throw InvalidInput.field("adminUnitCode", "unknown administrative unit " + code);
        }
        return code;
    }
}
