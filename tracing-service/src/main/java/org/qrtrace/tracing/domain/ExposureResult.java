package org.qrtrace.tracing.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The index visits and the contacts (ordered), before or after restricting them to the venues a caller may see. */
public record ExposureResult(List<PresenceInterval> indexVisits, List<Contact> contacts, int indexVisitsOmitted,
                             int contactsOmitted) {

    public ExposureResult {
        indexVisits = List.copyOf(indexVisits);
        contacts = contacts.stream().sorted(Contact.ORDER).toList();
    }

    /**
     * Keeps only index visits and overlaps at venues the caller may see; a contact left without a visible overlap is
     * omitted and counted. Tiers and who is a contact are decided on the whole store first, so an officer's F2 at a
     * local venue is still found when the F1's own exposure happened elsewhere.
     */
    public ExposureResult visibleAt(Predicate<UUID> venueVisible) {
        List<PresenceInterval> index = indexVisits.stream().filter(v -> venueVisible.test(v.venueId())).toList();
        List<Contact> visible = new ArrayList<>();
        for (Contact c : contacts) {
            List<Overlap> shown = c.overlaps().stream().filter(o -> venueVisible.test(o.venueId())).toList();
            if (!shown.isEmpty()) {
                visible.add(new Contact(c.pseudonym(), c.tier(), shown));
            }
        }
        return new ExposureResult(index, visible, indexVisitsOmitted + indexVisits.size() - index.size(),
                contactsOmitted + contacts.size() - visible.size());
    }

    /** Every venue the result names: of the index visits and of the contacts' overlaps. */
    public Set<UUID> venueIds() {
        Set<UUID> ids = new HashSet<>();
        indexVisits.forEach(v -> ids.add(v.venueId()));
        contacts.forEach(c -> c.overlaps().forEach(o -> ids.add(o.venueId())));
        return ids;
    }
}
