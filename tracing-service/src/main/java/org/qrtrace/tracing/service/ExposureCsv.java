package org.qrtrace.tracing.service;

import org.qrtrace.common.csv.Csv;

import java.util.Arrays;
import java.util.List;

/** The contact list of an exposure query as CSV: one row per overlap, UTF-8 with a byte order mark. */
public final class ExposureCsv {

    static final List<String> HEADER = List.of("caseReference", "tier", "pseudonym", "phone", "name", "exposureStart",
            "venueId", "venueName", "overlapStart", "overlapEnd", "minutes");

    private ExposureCsv() {
    }

    public static String write(ExposureQueryView view) {
        StringBuilder sb = new StringBuilder(Csv.UTF8_BOM).append(Csv.row(HEADER));
        for (ExposureQueryView.ContactView c : view.contacts()) {
            for (ExposureQueryView.OverlapView o : c.overlaps()) {
                sb.append(Csv.row(Arrays.asList(view.caseReference(), c.tier(), c.pseudonym(), c.phone(), c.name(),
                        c.exposureStart(), o.venueId(), o.venueName(), o.start(), o.end(), o.minutes())));
            }
        }
        return sb.toString();
    }
}
