package org.qrtrace.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.common.crypto.SealedContact;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.repository.ExposureQueryRepository.StoredQueryRow;
import org.qrtrace.tracing.repository.VenueDirectory;
import org.qrtrace.tracing.repository.VenueDirectory.Venue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a stored exposure result into what the officer sees: venue names, and phones opened only for a health officer
 * whose jurisdiction holds every venue of the contact's overlaps.
 */
@ApplicationScoped
public class ExposureRenderer {

    /** Answers with more contacts than this are rendered (contacts opened) in parallel. */
    static final int PARALLEL_RENDER_FROM = 500;

    private final VenueDirectory venues;
    private final ContactOpener contacts;
    private final AccessPolicy access;

    ExposureRenderer(VenueDirectory venues, ContactOpener contacts, AccessPolicy access) {
        this.venues = venues;
        this.contacts = contacts;
        this.access = access;
    }

    /** The venues of a result as the officer's jurisdiction sees them: all known ones, and those inside it. */
    public record VenueScope(Map<UUID, Venue> known, Set<UUID> inJurisdiction) {

        public boolean visible(UUID venueId) {
            return inJurisdiction.contains(venueId);
        }

        String nameOf(UUID venueId) {
            Venue v = known.get(venueId);
            return v == null ? null : v.name();
        }
    }

    public VenueScope scope(Set<UUID> venueIds, Jurisdiction jurisdiction) {
        Map<UUID, Venue> known = venues.findAll(venueIds);
        Set<UUID> inside = known.values().stream().filter(v -> AccessPolicy.covers(jurisdiction, v))
                .map(Venue::venueId).collect(Collectors.toSet());
        return new VenueScope(known, inside);
    }

    public ExposureQueryView render(StoredQueryRow query, ExposureQueryView.Parameters parameters, StoredExposure stored,
                                    VenueScope scope) {
        List<ExposureQueryView.IndexVisit> index = stored.indexVisits().stream()
                .map(v -> new ExposureQueryView.IndexVisit(v.venueId(), scope.nameOf(v.venueId()), v.checkedInAt(), v.checkedOutAt()))
                .toList();
        boolean officer = access.caller().hasRole(Roles.HEALTH_OFFICER);
        // Opening thousands of sealed contacts (depth 2) is CPU work: spread over the cores; order is kept.
        var source = stored.contacts().size() > PARALLEL_RENDER_FROM ? stored.contacts().parallelStream() : stored.contacts().stream();
        List<ExposureQueryView.ContactView> shown = source.map(c -> contact(c, officer, scope)).toList();
        return new ExposureQueryView(query.id(), query.caseReference(), query.createdAt(), parameters, index, shown,
                new ExposureQueryView.Omitted(stored.indexVisitsOmitted(), stored.contactsOmitted()));
    }

    private ExposureQueryView.ContactView contact(StoredExposure.StoredContact c, boolean officer, VenueScope scope) {
        boolean mayOpen = officer && c.overlaps().stream().allMatch(o -> scope.visible(o.venueId()));
        Optional<SealedContact> opened = mayOpen ? contacts.open(c.sealedContact()) : Optional.empty();
        List<ExposureQueryView.OverlapView> overlaps = c.overlaps().stream()
                .map(o -> new ExposureQueryView.OverlapView(o.venueId(), scope.nameOf(o.venueId()), o.start(), o.end(), o.minutes()))
                .toList();
        return new ExposureQueryView.ContactView(c.pseudonym(), opened.map(SealedContact::phone).orElse(null),
                opened.map(SealedContact::name).orElse(null), c.tier(), overlaps.get(0).start(), overlaps);
    }
}
