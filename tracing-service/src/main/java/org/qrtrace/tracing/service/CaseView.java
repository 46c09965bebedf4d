package org.qrtrace.tracing.service;

import org.qrtrace.tracing.repository.CaseRepository.CaseRow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A confirmed case as the officer sees it (the person as a pseudonym only). */
public record CaseView(UUID id, String caseReference, String pseudonym, Instant confirmedAt, String adminUnitCode,
                       String status, Instant createdAt, String createdBy, UUID linkedFromCaseId) {

    static CaseView of(CaseRow c) {
        return new CaseView(c.id(), c.caseReference(), c.pseudonym().hex(), c.confirmedAt(), c.adminUnitCode().value(),
                c.status().name(), c.createdAt(), c.createdBy(), c.linkedFromCaseId());
    }

    /** One case of a chain and the cases linked from it (each a contact of it who later tested positive). */
    public record ChainNode(UUID id, String caseReference, Instant confirmedAt, List<ChainNode> children) {
    }
}
