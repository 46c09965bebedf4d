package org.qrtrace.tracing.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.qrtrace.common.adminunit.Jurisdiction;
import org.qrtrace.tracing.repository.CaseContactRepository.ContactRow;
import org.qrtrace.tracing.service.ExposureRenderer.VenueScope;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A case's stored contacts read once for an officer: each contact's overlaps, the venues they name as the officer's
 * jurisdiction sees them, and the one rule both the contact list and notifications apply — a contact is the officer's
 * to reach only when every venue of its overlaps lies inside the jurisdiction (as {@link ExposureRenderer} decides).
 */
final class CaseContactScope {

    private final Map<UUID, List<StoredExposure.StoredOverlap>> overlaps;
    private final VenueScope venues;

    private CaseContactScope(Map<UUID, List<StoredExposure.StoredOverlap>> overlaps, VenueScope venues) {
        this.overlaps = overlaps;
        this.venues = venues;
    }

    static CaseContactScope of(List<ContactRow> rows, ObjectMapper mapper, ExposureRenderer renderer,
                               Jurisdiction jurisdiction) {
        Map<UUID, List<StoredExposure.StoredOverlap>> overlaps = new HashMap<>();
        Set<UUID> venueIds = new HashSet<>();
        for (ContactRow row : rows) {
            List<StoredExposure.StoredOverlap> list = CaseFollowUpService.overlaps(mapper, row.overlapsJson());
            overlaps.put(row.id(), list);
            list.forEach(o -> venueIds.add(o.venueId()));
        }
        return new CaseContactScope(overlaps, renderer.scope(venueIds, jurisdiction));
    }

    List<StoredExposure.StoredOverlap> overlapsOf(ContactRow row) {
        return overlaps.get(row.id());
    }

    VenueScope venues() {
        return venues;
    }

    /** Every venue of the contact's overlaps lies inside the officer's jurisdiction. */
    boolean inside(ContactRow row) {
        return overlapsOf(row).stream().allMatch(o -> venues.visible(o.venueId()));
    }
}
