package org.qrtrace.console.view;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qrtrace.console.view.Fixtures.CAFE;
import static org.qrtrace.console.view.Fixtures.MARKET;
import static org.qrtrace.console.view.Fixtures.SCHOOL;

class CaseGraphTest {

    @Test
    void caseVenuesF1F2InColumns() {
        CaseGraph.Graph g = CaseGraph.build(Fixtures.CASE, Fixtures.contacts());
        // case, 2 index venues, 3 F1, 1 second-level venue, 2 F2
        assertEquals(9, g.nodes().size());
        assertEquals(1, count(g, CaseGraph.CASE));
        assertEquals(3, count(g, CaseGraph.VENUE));
        assertEquals(3, count(g, CaseGraph.F1));
        assertEquals(2, count(g, CaseGraph.F2));
        assertEquals("HD-DEMO-0001", g.nodes().get(0).name());
        // columns: case 0, venues 1, F1 2, second venues 3, F2 4
        assertTrue(g.nodes().stream().filter(n -> n.category() == CaseGraph.F1).allMatch(n -> n.x() == 2));
        assertTrue(g.nodes().stream().filter(n -> n.category() == CaseGraph.F2).allMatch(n -> n.x() == 4));
    }

    @Test
    void linksFollowTheOverlaps() {
        CaseGraph.Graph g = CaseGraph.build(Fixtures.CASE, Fixtures.contacts());
        Set<String> links = g.links().stream().map(l -> l.source() + ">" + l.target() + (l.dashed() ? " dashed" : ""))
                .collect(Collectors.toSet());
        String c1 = "c:20000000-0000-4000-8000-000000000001";
        String c2 = "c:20000000-0000-4000-8000-000000000002";
        String c3 = "c:20000000-0000-4000-8000-000000000003";
        String c4 = "c:20000000-0000-4000-8000-000000000004";
        String c5 = "c:20000000-0000-4000-8000-000000000005";
        assertTrue(links.contains("case>v:" + MARKET));
        assertTrue(links.contains("case>v:" + CAFE));
        assertTrue(links.contains("v:" + MARKET + ">" + c1));
        assertTrue(links.contains("v:" + MARKET + ">" + c2));
        assertTrue(links.contains("v:" + CAFE + ">" + c3));
        // F2 #4 met the F1s at the market in their window
        assertTrue(links.contains(c1 + ">" + c4));
        assertTrue(links.contains(c2 + ">" + c4));
        // F2 #5 at a venue no F1 overlap names: a second-level venue, dashed from the case
        assertTrue(links.contains("case>w:" + SCHOOL + " dashed"));
        assertTrue(links.contains("w:" + SCHOOL + ">" + c5));
        assertEquals(9, links.size());
    }

    @Test
    void emptyCaseIsOneNode() {
        CaseGraph.Graph g = CaseGraph.build(Fixtures.CASE, List.of());
        assertEquals(1, g.nodes().size());
        assertTrue(g.links().isEmpty());
    }

    @Test
    void labelsShowOnlyThePhonesLastDigitsOrAPseudonymPrefix() {
        CaseGraph.Graph g = CaseGraph.build(Fixtures.CASE, Fixtures.contacts());
        assertTrue(g.nodes().stream().anyMatch(n -> n.name().equals("F1 …0001")));
        assertTrue(g.nodes().stream().anyMatch(n -> n.name().equals("F2 c5c5c5")));
    }

    private static long count(CaseGraph.Graph g, int category) {
        return g.nodes().stream().filter(n -> n.category() == category).count();
    }
}
