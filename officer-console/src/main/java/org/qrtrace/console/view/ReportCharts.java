package org.qrtrace.console.view;

import org.qrtrace.console.api.Api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of the report's charts (read by console/report.js from data attributes). */
public final class ReportCharts {

    private ReportCharts() {
    }

    /** Adoption % of each unit directly below the one asked for (or of the unit itself when it has none). */
    public static Map<String, Object> adoption(Api.DailyReport report) {
        Api.ReportRow top = report.top();
        List<Api.ReportRow> children = report.rows().stream()
                .filter(r -> top != null && top.adminUnitCode() != null && top.adminUnitCode().equals(r.parentCode())
                        && r.adminUnitCode() != null).toList();
        List<Api.ReportRow> shown = children.isEmpty() && top != null ? List.of(top) : children;
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (Api.ReportRow r : shown) {
            labels.add(r.name() == null ? r.adminUnitCode() : r.name());
            values.add(r.adoptionPercent() == null ? BigDecimal.ZERO : r.adoptionPercent());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        out.put("values", values);
        return out;
    }

    /** One point per report (oldest first) of the unit's own row. */
    public static Map<String, Object> trend(List<Api.DailyReport> reports) {
        List<String> dates = new ArrayList<>();
        List<Integer> checkins = new ArrayList<>();
        List<Integer> visitors = new ArrayList<>();
        List<Integer> cases = new ArrayList<>();
        List<Integer> notified = new ArrayList<>();
        List<BigDecimal> adoption = new ArrayList<>();
        for (Api.DailyReport r : reports) {
            Api.ReportRow top = r.top();
            dates.add(Times.dmy(r.date()).substring(0, 5));
            checkins.add(top == null ? 0 : top.checkins());
            visitors.add(top == null ? 0 : top.uniqueVisitors());
            cases.add(top == null ? 0 : top.cases());
            notified.add(top == null ? 0 : top.notified());
            adoption.add(top == null || top.adoptionPercent() == null ? BigDecimal.ZERO : top.adoptionPercent());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dates", dates);
        out.put("checkins", checkins);
        out.put("visitors", visitors);
        out.put("cases", cases);
        out.put("notified", notified);
        out.put("adoption", adoption);
        return out;
    }
}
