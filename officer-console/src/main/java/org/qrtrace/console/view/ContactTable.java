package org.qrtrace.console.view;

import org.qrtrace.console.api.Api;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A case's contacts as the table shows them: filtered by tier, follow-up status and venue, sorted by a column. */
public final class ContactTable {

    public static final List<String> SORTS = List.of("tier", "exposure", "status", "notification");
    /** "none" filters contacts without a follow-up status yet. */
    public static final String NO_STATUS = "none";

    private ContactTable() {
    }

    public record Filter(String tier, String status, String venue, String sort) {
    }

    public static List<Api.Contact> apply(List<Api.Contact> contacts, Filter f) {
        var stream = contacts.stream();
        if (f.tier() != null && !f.tier().isBlank()) {
            stream = stream.filter(c -> f.tier().equals(c.tier()));
        }
        if (f.status() != null && !f.status().isBlank()) {
            stream = NO_STATUS.equals(f.status())
                    ? stream.filter(c -> c.followUpStatus() == null)
                    : stream.filter(c -> f.status().equals(c.followUpStatus()));
        }
        if (f.venue() != null && !f.venue().isBlank()) {
            stream = stream.filter(c -> c.venues().stream().anyMatch(v -> v.venueId() != null
                    && f.venue().equals(v.venueId().toString())));
        }
        Comparator<Api.Contact> byTier = Comparator.comparing(Api.Contact::tier, Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Api.Contact> byExposure = Comparator.comparing(Api.Contact::firstExposure,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
        Comparator<Api.Contact> order = switch (f.sort() == null ? "tier" : f.sort()) {
            case "exposure" -> byExposure.thenComparing(byTier);
            case "status" -> Comparator.comparing(Api.Contact::followUpStatus, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(byTier).thenComparing(byExposure);
            case "notification" -> Comparator.comparing(Api.Contact::notificationStatus,
                    Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparing(byTier).thenComparing(byExposure);
            default -> byTier.thenComparing(byExposure);
        };
        return stream.sorted(order.thenComparing(c -> Objects.toString(c.contactId(), ""))).toList();
    }

    /** The venues of all contacts (id → name), for the venue filter and the exposure-site form. */
    public static Map<UUID, String> venues(List<Api.Contact> contacts) {
        Map<UUID, String> out = new LinkedHashMap<>();
        contacts.stream().flatMap(c -> c.venues().stream()).sorted(Comparator.comparing(Api.VenueOverlap::start,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
                .forEach(v -> out.putIfAbsent(v.venueId(), v.venueName() == null ? String.valueOf(v.venueId()) : v.venueName()));
        return out;
    }

    public static long count(List<Api.Contact> contacts, String tier) {
        return contacts.stream().filter(c -> tier.equals(c.tier())).count();
    }
}
