package org.qrtrace.tracing.service;

import org.qrtrace.common.csv.Csv;

import java.util.Arrays;
import java.util.List;

/** The daily report as CSV: live figures, then the figures frozen at the cut-off (empty before it). */
public final class DailyReportCsv {

    static final List<String> HEADER = List.of("date", "adminUnitCode", "name", "level", "parentCode", "population",
            "venuesRegistered", "venuesActive", "checkins", "uniqueVisitors", "visitorsPer1000", "activeVenueShare",
            "snapshotVenuesRegistered", "snapshotVenuesActive", "snapshotCheckins", "snapshotUniqueVisitors",
            "snapshotVisitorsPer1000", "snapshotActiveVenueShare");

    private DailyReportCsv() {
    }

    public static String write(DailyReportService.DailyReport report) {
        StringBuilder sb = new StringBuilder(Csv.UTF8_BOM).append(Csv.row(HEADER));
        for (DailyReportService.Row r : report.rows()) {
            DailyReportService.Figures s = r.snapshot();
            sb.append(Csv.row(Arrays.asList(report.date(), r.adminUnitCode(), r.name(), r.level(), r.parentCode(),
                    r.population(), r.venuesRegistered(), r.venuesActive(), r.checkins(), r.uniqueVisitors(),
                    r.visitorsPer1000(), r.activeVenueShare(),
                    s == null ? null : s.venuesRegistered(), s == null ? null : s.venuesActive(),
                    s == null ? null : s.checkins(), s == null ? null : s.uniqueVisitors(),
                    s == null ? null : s.visitorsPer1000(), s == null ? null : s.activeVenueShare())));
        }
        return sb.toString();
    }
}
