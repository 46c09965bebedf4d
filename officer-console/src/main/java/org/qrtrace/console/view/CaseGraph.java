package org.qrtrace.console.view;

import org.qrtrace.console.api.Api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The transmission graph of a case, drawn as SORMAS and Go.Data draw chains, left to right: the case, the venues where
 * its F1 contacts overlapped it, the F1 contacts, then the F2 contacts. An F2 hangs off the F1s who had an overlap with
 * the case at the same venue in a window that meets the F2's (the API does not say which F1 an F2 met); an F2 exposed
 * at a venue none of the F1 overlaps names hangs off that venue, drawn as a second-level venue joined to the case by a
 * dashed line ("via an F1"). Positions are computed here (columns by level), so the picture is the same every time.
 */
public final class CaseGraph {

    public record Node(String id, String name, int category, double x, double y, int symbolSize) {
    }

    public record Link(String source, String target, boolean dashed) {
    }

    public record Graph(List<Node> nodes, List<Link> links) {
    }

    /** Categories, in the order of the chart's legend. */
    public static final int CASE = 0;
    public static final int VENUE = 1;
    public static final int F1 = 2;
    public static final int F2 = 3;

    private CaseGraph() {
    }

    public static Graph build(Api.Case theCase, List<Api.Contact> contacts) {
        List<Node> nodes = new ArrayList<>();
        Set<Link> links = new LinkedHashSet<>();
        String caseId = "case";
        Map<UUID, String> venueNames = new LinkedHashMap<>();
        List<Api.Contact> f1 = contacts.stream().filter(c -> "F1".equals(c.tier())).toList();
        List<Api.Contact> f2 = contacts.stream().filter(c -> "F2".equals(c.tier())).toList();
        for (Api.Contact c : f1) {
            for (Api.VenueOverlap v : c.venues()) {
                venueNames.putIfAbsent(v.venueId(), v.venueName());
            }
        }
        Map<UUID, String> secondVenues = new LinkedHashMap<>();
        for (Api.Contact c : f2) {
            for (Api.VenueOverlap v : c.venues()) {
                if (!venueNames.containsKey(v.venueId())) {
                    secondVenues.putIfAbsent(v.venueId(), v.venueName());
                }
            }
        }
        nodes.add(new Node(caseId, theCase.caseReference(), CASE, 0, 0, 46));
        column(nodes, venueNames, 1, VENUE, "v:");
        for (UUID id : venueNames.keySet()) {
            links.add(new Link(caseId, "v:" + id, false));
        }
        List<Node> f1Nodes = new ArrayList<>();
        for (int i = 0; i < f1.size(); i++) {
            Api.Contact c = f1.get(i);
            f1Nodes.add(new Node("c:" + c.contactId(), label(c), F1, 2, y(i, f1.size()), 18));
            for (Api.VenueOverlap v : c.venues()) {
                links.add(new Link("v:" + v.venueId(), "c:" + c.contactId(), false));
            }
        }
        nodes.addAll(f1Nodes);
        int offset = nodes.size();
        column(nodes, secondVenues, 3, VENUE, "w:");
        for (UUID id : secondVenues.keySet()) {
            links.add(new Link(caseId, "w:" + id, true));
        }
        // second-level venues sit in column 3, F2 contacts in column 4
        for (int i = 0; i < f2.size(); i++) {
            Api.Contact c = f2.get(i);
            String id = "c:" + c.contactId();
            nodes.add(new Node(id, label(c), F2, secondVenues.isEmpty() ? 3 : 4, y(i, f2.size()), 14));
            for (Api.VenueOverlap v : c.venues()) {
                boolean linked = false;
                for (Api.Contact one : f1) {
                    for (Api.VenueOverlap o : one.venues()) {
                        if (o.venueId().equals(v.venueId()) && meets(o, v)) {
                            links.add(new Link("c:" + one.contactId(), id, false));
                            linked = true;
                        }
                    }
                }
                if (!linked) {
                    links.add(new Link((venueNames.containsKey(v.venueId()) ? "v:" : "w:") + v.venueId(), id, false));
                }
            }
        }
        return new Graph(nodes, new ArrayList<>(links));
    }

    private static void column(List<Node> nodes, Map<UUID, String> venues, int x, int category, String prefix) {
        int i = 0;
        for (Map.Entry<UUID, String> e : venues.entrySet()) {
            nodes.add(new Node(prefix + e.getKey(), e.getValue() == null ? String.valueOf(e.getKey()) : e.getValue(),
                    category, x, y(i++, venues.size()), 30));
        }
    }

    /** Spread n nodes over [-1, 1] (0 when alone). */
    static double y(int i, int n) {
        return n <= 1 ? 0 : -1 + 2.0 * i / (n - 1);
    }

    private static boolean meets(Api.VenueOverlap a, Api.VenueOverlap b) {
        Instant as = a.start(), ae = a.end(), bs = b.start(), be = b.end();
        if (as == null || ae == null || bs == null || be == null) {
            return false;
        }
        return as.isBefore(be) && bs.isBefore(ae);
    }

    private static String label(Api.Contact c) {
        if (c.phone() != null) {
            String p = c.phone();
            return c.tier() + " …" + p.substring(Math.max(0, p.length() - 4));
        }
        String ps = c.pseudonym() == null ? "?" : c.pseudonym();
        return c.tier() + " " + ps.substring(0, Math.min(6, ps.length()));
    }
}
