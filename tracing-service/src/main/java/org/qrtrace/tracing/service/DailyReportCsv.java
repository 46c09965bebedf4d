package org.qrtrace.tracing.service;

import org.qrtrace.common.csv.Csv;

import java.util.Arrays;
import java.util.List;

/** The daily report as CSV: live figures, then the figures frozen at the cut-off (empty before it). */
public final class DailyReportCsv {

    static final List<String> HEADER = List.of("date", "adminUnitCode", "name", "level", "parentCode", "population",
            "venuesRegistered", "venuesActive", "checkins", "uniqueVisitors", "visitorsPer1000", "activeVenueShare",
            "cases", "contactsIdentified", "notified", "delivered", "reached", "testedPositive",
            "snapshotVenuesRegistered", "snapshotVenuesActive", "snapshotCheckins", "snapshotUniqueVisitors",
            "snapshotVisitorsPer1000", "snapshotActiveVenueShare", "snapshotCases", "snapshotContactsIdentified",
            "snapshotNotified", "snapshotDelivered", "snapshotReached", "snapshotTestedPositive");

    private DailyReportCsv() {
    }

    public static String write(DailyReportService.DailyReport report) {
        StringBuilder sb = new StringBuilder(Csv.UTF8_BOM).append(Csv.row(HEADER));
        for (DailyReportService.Row r : report.rows()) {
            DailyReportService.Figures s = r.snapshot();
            sb.append(Csv.row(Arrays.asList(report.date(), r.adminUnitCode(), r.name(), r.level(), r.parentCode(),
                    r.population(), r.venuesRegistered(), r.venuesActive(), r.checkins(), r.uniqueVisitors(),
                    r.visitorsPer1000(), r.activeVenueShare(), r.cases(), r.contactsIdentified(), r.notified(),
                    r.delivered(), r.reached(), r.testedPositive(),
                    s == null ? null : s.venuesRegistered(), s == null ? null : s.venuesActive(),
                    s == null ? null : s.checkins(), s == null ? null : s.uniqueVisitors(),
                    s == null ? null : s.visitorsPer1000(), s == null ? null : s.activeVenueShare(),
                    s == null ? null : s.cases(), s == null ? null : s.contactsIdentified(),
                    s == null ? null : s.notified(), s == null ? null : s.delivered(),
                    s == null ? null : s.reached(), s == null ? null : s.testedPositive())));
        }
        return sb.toString();
    }
}
