package org.qrtrace.tracing.service;

import org.qrtrace.common.csv.Csv;

import java.util.Arrays;
import java.util.List;

/**
 * The daily report as CSV: live figures, then the figures frozen at the cut-off (empty before it); a NOT_PLACED row has
 * no adminUnitCode and its unit as parentCode.
 */
public final class DailyReportCsv {

    static final List<String> HEADER = List.of("date", "structure", "adminUnitCode", "name", "level", "parentCode",
            "population", "populationYear", "populationSource",
            "venuesRegistered", "venuesActive", "checkins", "uniqueVisitors", "adoptionPercent", "activeVenueShare",
            "cases", "contactsIdentified", "notified", "delivered", "reached", "testedPositive",
            "snapshotVenuesRegistered", "snapshotVenuesActive", "snapshotCheckins", "snapshotUniqueVisitors",
            "snapshotAdoptionPercent", "snapshotActiveVenueShare", "snapshotCases", "snapshotContactsIdentified",
            "snapshotNotified", "snapshotDelivered", "snapshotReached", "snapshotTestedPositive");

    private DailyReportCsv() {
    }

    public static String write(DailyReportService.DailyReport report) {
        StringBuilder sb = new StringBuilder(Csv.UTF8_BOM).append(Csv.row(HEADER));
        for (DailyReportService.Row r : report.rows()) {
            DailyReportService.Figures s = r.snapshot();
            DailyReportService.Population p = r.population();
            sb.append(Csv.row(Arrays.asList(report.date(), report.structure(), r.adminUnitCode(), r.name(), r.level(),
                    r.parentCode(), p == null ? null : p.count(), p == null ? null : p.year(), p == null ? null : p.source(),
                    r.venuesRegistered(), r.venuesActive(), r.checkins(), r.uniqueVisitors(), r.adoptionPercent(), r.activeVenueShare(), r.cases(), r.contactsIdentified(), r.notified(),
                    r.delivered(), r.reached(), r.testedPositive(),
                    s == null ? null : s.venuesRegistered(), s == null ? null : s.venuesActive(),
                    s == null ? null : s.checkins(), s == null ? null : s.uniqueVisitors(),
                    s == null ? null : s.adoptionPercent(), s == null ? null : s.activeVenueShare(),
                    s == null ? null : s.cases(), s == null ? null : s.contactsIdentified(),
                    s == null ? null : s.notified(), s == null ? null : s.delivered(),
                    s == null ? null : s.reached(), s == null ? null : s.testedPositive())));
        }
        return sb.toString();
    }
}
