package org.qrtrace.tracing.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A person exposed, once per tier, with all their overlaps (ordered by start). */
public record Contact(String pseudonym, Tier tier, List<Overlap> overlaps) {

    /** By tier, then first overlap start, then pseudonym (docs/architecture.md). */
    public static final Comparator<Contact> ORDER = Comparator.comparing(Contact::tier)
            .thenComparing(Contact::firstOverlapStart).thenComparing(Contact::pseudonym);

    public Contact {
        if (overlaps.isEmpty()) {
            throw new IllegalArgumentException("a contact has at least one overlap");
        }
        overlaps = overlaps.stream().sorted(Overlap.ORDER).toList();
    }

    /** The start of the earliest overlap: the contact's exposureStart. */
    public Instant firstOverlapStart() {
        return overlaps.get(0).start();
    }

    /** The sealed contact channel of the latest visit shown (the freshest the person gave). */
    public String latestSealedContact() {
        return overlaps.stream().filter(o -> o.sealedContact() != null).reduce((a, b) -> b)
                .map(Overlap::sealedContact).orElse(null);
    }
}
