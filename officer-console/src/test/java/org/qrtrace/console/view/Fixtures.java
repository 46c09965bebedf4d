package org.qrtrace.console.view;

import org.qrtrace.console.api.Api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A small outbreak: a case at a market and a café, three F1 (two at the market), two F2. */
public final class Fixtures {

    public static final UUID MARKET = UUID.fromString("00000000-0000-4000-8000-000000000001");
    public static final UUID CAFE = UUID.fromString("00000000-0000-4000-8000-000000000002");
    public static final UUID SCHOOL = UUID.fromString("00000000-0000-4000-8000-000000000003");
    public static final Api.Case CASE = new Api.Case(UUID.fromString("10000000-0000-4000-8000-000000000000"),
            "HD-DEMO-0001", "ab".repeat(32), Instant.parse("2026-12-03T01:00:00Z"), "288", "OPEN",
            Instant.parse("2026-12-03T02:00:00Z"), "officer-hd", null);

    private Fixtures() {
    }

    static Instant t(String s) {
        return Instant.parse("2026-12-0" + s + ":00Z");
    }

    public static Api.Contact contact(int n, String tier, String status, String sms, Api.VenueOverlap... venues) {
        return new Api.Contact(UUID.fromString("20000000-0000-4000-8000-00000000000" + n), tier, ("c" + n).repeat(32),
                n == 5 ? null : "+8491200000" + n, venues[0].start(), venues[venues.length - 1].end(), List.of(venues),
                status == null ? null : new Api.FollowUp(status, null, t("3T05:00")), Instant.parse("2026-12-17T00:00:00Z"), false,
                sms == null ? null : new Api.Notification(sms, t("3T06:00")));
    }

    public static Api.VenueOverlap at(UUID venue, String name, String from, String to) {
        Instant s = t(from);
        Instant e = t(to);
        return new Api.VenueOverlap(venue, name, s, e, java.time.Duration.between(s, e).toMinutes());
    }

    public static List<Api.Contact> contacts() {
        return List.of(
                contact(1, "F1", "REACHED", "DELIVERED", at(MARKET, "Chợ Hải Tân", "1T01:00", "1T02:00")),
                contact(2, "F1", null, "QUEUED", at(MARKET, "Chợ Hải Tân", "1T01:30", "1T02:30")),
                contact(3, "F1", "QUARANTINED", null, at(CAFE, "Cà phê Phố Cổ", "2T09:00", "2T09:45")),
                // meets F1 #1 at the market, in the same window: linked to F1 #1 (and #2, whose window meets too)
                contact(4, "F2", null, null, at(MARKET, "Chợ Hải Tân", "1T01:45", "1T03:00")),
                // at a school no F1 overlap names: hangs off that venue
                contact(5, "F2", null, null, at(SCHOOL, "Trường Tiểu học Ngọc Châu", "2T03:00", "2T04:00")));
    }
}
