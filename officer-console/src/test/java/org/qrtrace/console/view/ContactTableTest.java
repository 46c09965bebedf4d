package org.qrtrace.console.view;

import org.junit.jupiter.api.Test;
import org.qrtrace.console.api.Api;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactTableTest {

    private static List<Integer> ids(List<Api.Contact> cs) {
        return cs.stream().map(c -> Integer.parseInt(c.contactId().toString().substring(35))).toList();
    }

    @Test
    void filtersByTierStatusAndVenue() {
        List<Api.Contact> all = Fixtures.contacts();
        assertEquals(List.of(1, 2, 3), ids(ContactTable.apply(all, new ContactTable.Filter("F1", null, null, null))));
        assertEquals(List.of(4, 5), ids(ContactTable.apply(all, new ContactTable.Filter("F2", "", "", null))));
        assertEquals(List.of(3), ids(ContactTable.apply(all, new ContactTable.Filter(null, "QUARANTINED", null, null))));
        assertEquals(List.of(2, 4, 5), ids(ContactTable.apply(all, new ContactTable.Filter(null, "none", null, null))));
        assertEquals(List.of(1, 2, 4), ids(ContactTable.apply(all,
                new ContactTable.Filter(null, null, Fixtures.MARKET.toString(), null))));
    }

    @Test
    void sorts() {
        List<Api.Contact> all = Fixtures.contacts();
        assertEquals(List.of(1, 2, 4, 5, 3), ids(ContactTable.apply(all, new ContactTable.Filter(null, null, null, "exposure"))));
        // no status first, then by name of the status
        assertEquals(List.of(2, 4, 5, 3, 1), ids(ContactTable.apply(all, new ContactTable.Filter(null, null, null, "status"))));
        assertEquals(List.of(3, 4, 5, 1, 2), ids(ContactTable.apply(all, new ContactTable.Filter(null, null, null, "notification"))));
    }

    @Test
    void venuesInOrderOfFirstOverlap() {
        assertEquals(List.of("Chợ Hải Tân", "Trường Tiểu học Ngọc Châu", "Cà phê Phố Cổ"),
                List.copyOf(ContactTable.venues(Fixtures.contacts()).values()));
    }
}
