package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.qrtrace.common.csv.Csv;
import org.qrtrace.common.problem.ProblemException;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.DailyReportCsv;
import org.qrtrace.tracing.service.DailyReportService;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The daily counts per administrative unit (health officers for their jurisdiction, admins for any unit). */
@Path("/api/v1/reports/daily")
public class DailyReportResource {

    @Inject
    DailyReportService service;

    @GET
    @RolesAllowed({Roles.HEALTH_OFFICER, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Daily report of a unit and the units below it, live and as frozen at the cut-off")
    public DailyReportService.DailyReport json(@QueryParam("date") String date, @QueryParam("adminUnitCode") String adminUnitCode) {
        return service.report(parseDate(date), adminUnitCode);
    }

    @GET
    @RolesAllowed({Roles.HEALTH_OFFICER, Roles.ADMIN})
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "The same report as CSV (UTF-8 with BOM)")
    public Response csv(@QueryParam("date") String date, @QueryParam("adminUnitCode") String adminUnitCode) {
        DailyReportService.DailyReport report = service.report(parseDate(date), adminUnitCode);
        return Response.ok(DailyReportCsv.write(report), Csv.MEDIA_TYPE).header("Content-Disposition",
                "attachment; filename=\"daily-" + report.adminUnitCode() + "-" + report.date() + ".csv\"").build();
    }

    @POST
    @Path("/snapshots")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Freeze the figures of a date now (kept if already frozen)")
    public DailyReportService.SnapshotResult snapshot(@QueryParam("date") String date) {
        LocalDate day = parseDate(date);
        return service.snapshot(day == null ? service.today() : day);
    }

    private static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField("date", "must be a date like 2026-11-23");
        }
    }
}
