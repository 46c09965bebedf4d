package org.qrtrace.tracing.service;

import org.qrtrace.common.adminunit.Jurisdiction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.tracing.domain.VenueNotFound;
import org.qrtrace.tracing.domain.OutsideJurisdiction;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.repository.PresenceRepository;
import org.qrtrace.tracing.repository.VenueDirectory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Who was at one venue during a window, for an officer whose jurisdiction contains the venue; every read audited. */
@ApplicationScoped
public class PresenceService {

    private final PresenceRepository presence;
    private final VenueDirectory venues;
    private final AccessPolicy access;
    private final ContactOpener contacts;
    private final AuditLog audit;
    private final TracingConfig config;

    PresenceService(PresenceRepository presence, VenueDirectory venues, AccessPolicy access, ContactOpener contacts,
                    AuditLog audit, TracingConfig config) {
        this.presence = presence;
        this.venues = venues;
        this.access = access;
        this.contacts = contacts;
        this.audit = audit;
        this.config = config;
    }

    /** The presence list of a venue. */
    public record VenuePresence(UUID venueId, String venueName, String adminUnitCode, Instant from, Instant to,
                                List<Visit> visits) {
    }

    public record Visit(String pseudonym, String phone, String name, Instant checkedInAt, Instant checkedOutAt,
                        boolean explicitCheckout, boolean dependant) {
    }

    @Transactional
    public VenuePresence read(UUID venueId, Instant from, Instant to, String caseReference) {
        Jurisdiction jurisdiction = access.officerJurisdiction();
        if (caseReference == null || caseReference.isBlank()) {
            throw InvalidInput.field("caseReference", "is required");
        }
        QueryWindow.check(from, to, config.exposure().maxWindow());
        VenueDirectory.Venue venue = venues.find(venueId).orElseThrow(() -> new VenueNotFound(venueId));
        if (!AccessPolicy.covers(jurisdiction, venue)) {
            throw new OutsideJurisdiction("venue " + venueId);
        }
        List<Visit> visits = presence.visitsAt(venueId, from, to).stream().map(v -> {
            Optional<SealedContact> c = contacts.open(v.sealedContact());
            return new Visit(v.pseudonym(), c.map(SealedContact::phone).orElse(null), c.map(SealedContact::name).orElse(null),
                    v.checkedInAt(), v.checkedOutAt(), v.explicitCheckout(), v.dependant());
        }).toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("venueId", venueId.toString());
        parameters.put("from", from.toString());
        parameters.put("to", to.toString());
        audit.append(AuditLog.Action.VENUE_PRESENCE_READ, caseReference.strip(), parameters, visits.size());
        return new VenuePresence(venueId, venue.name(), venue.adminUnitCode().value(), from, to, visits);
    }
}
