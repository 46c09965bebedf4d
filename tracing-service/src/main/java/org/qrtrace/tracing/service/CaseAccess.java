package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.tracing.domain.CaseNotFound;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.tracing.repository.CaseRepository;
import org.qrtrace.tracing.repository.CaseRepository.CaseRow;

import java.util.UUID;

/**
 * Who may read a case and its contacts: a health officer whose jurisdiction covers the case's administrative unit
 * (403 otherwise, as for a venue outside it; 404 for an unknown id).
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseRepository cases;
    private final AccessPolicy access;

    CaseAccess(CaseRepository cases, AccessPolicy access) {
        this.cases = cases;
        this.access = access;
    }

    /** A case the caller may read, with the caller's jurisdiction. */
    public record Readable(CaseRow row, Jurisdiction jurisdiction) {
    }

    public Readable readable(UUID caseId) {
        return readable(caseId, null);
    }

    /**
     * The same rule for a case named by a request's {@code field} (e.g. {@code caseId} in a body; null for the path's
     * id): the 404 and 403 then name that field.
     */
    public Readable readable(UUID caseId, String field) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        CaseRow row = cases.find(caseId).orElseThrow(() ->
                field == null ? new CaseNotFound(caseId) : new CaseNotFound(caseId, field));
        if (!jurisdiction.covers(row.adminUnitCode(), row.adminUnitGivenOn())) {
            throw field == null ? new OutsideJurisdiction("case " + caseId)
                    : new OutsideJurisdiction("case " + caseId, field);
        }
        return new Readable(row, jurisdiction);
    }
}
