package org.qrtrace.tracing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.tracing.repository.CaseContactRepository;
import org.qrtrace.tracing.repository.CaseContactRepository.Found;
import org.qrtrace.tracing.repository.CaseRepository;
import org.qrtrace.tracing.repository.CaseRepository.CaseRow;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An exposure query run under a case's reference belongs to that case: each contact it found (already restricted to
 * the officer's jurisdiction) becomes a contact of the case, or is merged into the one it has
 * ({@link CaseContactRepository#record}). Only when the officer's jurisdiction covers the case: a query run elsewhere
 * under the same reference stays a query of its own.
 */
@ApplicationScoped
public class CaseContacts {

    private final CaseRepository cases;
    private final CaseContactRepository contacts;
    private final ObjectMapper mapper;
    private final Clock clock;

    CaseContacts(CaseRepository cases, CaseContactRepository contacts, ObjectMapper mapper, Clock clock) {
        this.cases = cases;
        this.contacts = contacts;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The case the contacts were recorded for, if the reference names one the officer covers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CaseRow> record(String caseReference, Jurisdiction jurisdiction, StoredExposure result) {
        Optional<CaseRow> found = cases.findByReference(caseReference.strip())
                .filter(c -> jurisdiction.covers(c.adminUnitCode()));
        found.ifPresent(c -> contacts.record(c.id(), result.contacts().stream().map(this::found).toList(), clock.instant()));
        return found;
    }

    private Found found(StoredExposure.StoredContact c) {
        Instant first = c.overlaps().stream().map(StoredExposure.StoredOverlap::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = c.overlaps().stream().map(StoredExposure.StoredOverlap::end).max(Comparator.naturalOrder()).orElseThrow();
        return new Found(c.pseudonym(), c.tier(), first, last, json(c.overlaps()), c.sealedContact());
    }

    private String json(List<StoredExposure.StoredOverlap> overlaps) {
        try {
            return mapper.writeValueAsString(overlaps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a case's contact", e);
        }
    }
}
