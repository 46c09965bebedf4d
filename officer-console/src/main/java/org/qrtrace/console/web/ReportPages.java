package org.qrtrace.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.qrtrace.console.ConsoleConfig;
import org.qrtrace.console.Messages;
import org.qrtrace.console.api.Api;
import org.qrtrace.console.api.ServiceProblem;
import org.qrtrace.console.api.TracingApi;
import org.qrtrace.console.report.ReportPdf;
import org.qrtrace.console.view.Forms;
import org.qrtrace.console.view.ReportCharts;
import org.qrtrace.console.view.Times;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The daily report: table, adoption chart, trend, snapshot state, CSV and PDF. */
@Path("/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @Inject
    PageSupport page;
    @Inject
    ConsoleConfig config;
    @RestClient
    TracingApi tracing;

    @Location("report.html")
    Template template;

    private record Params(LocalDate date, String unit, Forms forms) {
    }

    private Params params(String date, String unit) {
        Forms f = new Forms(config.zone());
        LocalDate d = f.date("date", date, false);
        String u = f.unitCode("unit", unit, false);
        if (u == null && f.errors().get("unit") == null) {
            u = page.officer().jurisdiction();
        }
        return new Params(d == null ? LocalDate.now(Times.VN) : d, u, f);
    }

    @GET
    public Response report(@QueryParam("date") String date, @QueryParam("unit") String unit) {
        Params p = params(date, unit);
        Api.DailyReport report = null;
        ServiceProblem problem = null;
        List<Api.DailyReport> trend = new ArrayList<>();
        if (p.forms().ok()) {
            try {
                report = tracing.dailyReport(p.date().toString(), p.unit());
                String unitCode = report.adminUnitCode();
                for (int i = config.trendDays() - 1; i >= 1; i--) {
                    trend.add(tracing.dailyReport(p.date().minusDays(i).toString(), unitCode));
                }
                trend.add(report);
            } catch (ServiceProblem e) {
                problem = e;
            }
        }
        String dateValue = date == null || date.isBlank() ? p.date().toString() : date;
        return Response.ok(page.page(template.data("report", report).data("problem", problem)
                .data("errors", p.forms().errors()).data("date", dateValue)
                .data("unit", unit == null ? (p.unit() == null ? "" : p.unit()) : unit)
                .data("adoptionJson", report == null ? "{}" : CasePages.json(ReportCharts.adoption(report)))
                .data("trendJson", report == null ? "{}" : CasePages.json(ReportCharts.trend(trend)))
                .data("query", "date=" + p.date() + (p.unit() == null ? "" : "&unit=" + p.unit())), "reports")).build();
    }

    @GET
    @Path("daily.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("date") String date, @QueryParam("unit") String unit) {
        Params p = params(date, unit);
        if (!p.forms().ok()) {
            throw new ServiceProblem(400, null, null, List.of());
        }
        Response upstream = tracing.dailyReportCsv(p.date().toString(), p.unit(), "text/csv");
        byte[] bytes = upstream.readEntity(byte[].class);
        return Response.ok(bytes, "text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"daily-"
                + (p.unit() == null ? "report" : p.unit()) + "-" + p.date() + ".csv\"").build();
    }

    @GET
    @Path("daily.pdf")
    @Produces("application/pdf")
    public Response pdf(@QueryParam("date") String date, @QueryParam("unit") String unit) throws IOException {
        Params p = params(date, unit);
        if (!p.forms().ok()) {
            throw new ServiceProblem(400, null, null, List.of());
        }
        Api.DailyReport report = tracing.dailyReport(p.date().toString(), p.unit());
        Messages m = MessageBundles.get(Messages.class, Localized.Literal.of(page.lang().name()));
        String title = m.report_pdf_title() + " " + (report.adminUnitName() == null ? "" : report.adminUnitName()) + " ("
                + report.adminUnitCode() + "), " + Times.dmy(report.date());
        String snapshot = report.snapshotTakenAt() == null
                ? m.report_snapshot_none() + " " + Times.local(report.cutoff())
                : m.report_snapshot_taken() + " " + Times.local(report.snapshotTakenAt());
        ReportPdf.Labels labels = new ReportPdf.Labels(title,
                m.report_pdf_generated() + " " + Times.local(Instant.now()) + " · " + page.officer().username(), snapshot,
                List.of(m.col_unit(), m.col_checkins(), m.col_visitors(), m.col_active_venues(), m.col_adoption(), m.col_cases(),
                        m.col_contacts(), m.col_notified(), m.col_delivered(), m.col_reached()));
        byte[] pdf = ReportPdf.write(report, labels, Instant.now().toString());
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "attachment; filename=\"daily-"
                + report.adminUnitCode() + "-" + report.date() + ".pdf\"").build();
    }
}
