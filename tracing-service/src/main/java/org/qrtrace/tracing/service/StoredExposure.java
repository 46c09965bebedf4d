package org.qrtrace.tracing.service;

import org.qrtrace.tracing.domain.Contact;
import org.qrtrace.tracing.domain.ExposureResult;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The stored form of an exposure result (gzip JSON in {@code exposure_query}): no plain phone anywhere, each contact
 * keeps only its latest sealed channel, and the index person's own channel is not kept at all.
 */
public record StoredExposure(List<IndexVisit> indexVisits, List<StoredContact> contacts, int indexVisitsOmitted,
                             int contactsOmitted) {

    public record IndexVisit(UUID venueId, Instant checkedInAt, Instant checkedOutAt) {
    }

    public record StoredContact(String pseudonym, String tier, String sealedContact, List<StoredOverlap> overlaps) {
    }

    public record StoredOverlap(UUID venueId, Instant start, Instant end, long minutes) {
    }

    public static StoredExposure of(ExposureResult r) {
        List<IndexVisit> index = r.indexVisits().stream()
                .map(v -> new IndexVisit(v.venueId(), v.start(), v.end())).toList();
        List<StoredContact> contacts = r.contacts().stream().map(StoredExposure::of).toList();
        return new StoredExposure(index, contacts, r.indexVisitsOmitted(), r.contactsOmitted());
    }

    private static StoredContact of(Contact c) {
        List<StoredOverlap> overlaps = c.overlaps().stream()
                .map(o -> new StoredOverlap(o.venueId(), o.start(), o.end(), o.minutes())).toList();
        return new StoredContact(c.pseudonym(), c.tier().name(), c.latestSealedContact(), overlaps);
    }

    /** Every venue named, to look their names and units up when the query is read again. */
    public Set<UUID> venueIds() {
        Set<UUID> ids = new HashSet<>();
        indexVisits.forEach(v -> ids.add(v.venueId()));
        contacts.forEach(c -> c.overlaps().forEach(o -> ids.add(o.venueId())));
        return ids;
    }
}
