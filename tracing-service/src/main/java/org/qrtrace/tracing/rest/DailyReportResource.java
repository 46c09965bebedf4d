package org.qrtrace.tracing.rest;

import org.qrtrace.common.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.csv.Csv;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.DailyReportCsv;
import org.qrtrace.tracing.service.DailyReportService;

import java.time.LocalDate;

/** The daily counts per administrative unit (health officers for their jurisdiction, admins for any unit). */
@Path("/api/v1/reports/daily")
@Tag(name = "daily-reports", description = "Daily counts per administrative unit, rolled up by the tree in force on "
        + "the date (or another edition of it), and frozen at the cut-off.")
@SecurityRequirement(name = "bearer")
public class DailyReportResource {

    private final DailyReportService service;

    DailyReportResource(DailyReportService service) {
        this.service = service;
    }

    /** JSON unless the client asks for CSV by name ({@code Accept: text/csv}); a browser's {@code *}/{@code *} gets JSON. */
    @GET
    @RolesAllowed({Roles.HEALTH_OFFICER, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "getDailyReport", summary = "Daily report of a unit",
            description = "The report of a unit and the units below it for a local day, live and as frozen at the "
                    + "cut-off; JSON, or CSV with Accept: text/csv. It rolls up by the tree of administrative units in "
                    + "force on the date (commune, district, province before 2025-07-01; commune, province since), or by "
                    + "the edition given as structure (e.g. structure=2025-07-01), venues and cases of other editions "
                    + "placed through the official mapping; what the mapping cannot place in a unit's children is in "
                    + "that unit's NOT_PLACED row. Adoption is unique visitors as a percentage of the population named "
                    + "in the row, absent where none is known. Roles: health-officer (a unit within the jurisdiction, "
                    + "which is the default), admin (unit required).")
    public Response get(@QueryParam("date") String date, @QueryParam("adminUnitCode") String adminUnitCode,
                        @QueryParam("structure") String structure, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        DailyReportService.DailyReport report = service.report(parseDate(date),
                QueryParams.adminUnitCode("adminUnitCode", adminUnitCode),
                structure == null || structure.isBlank() ? null : structure.strip());
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv")) {
            return Response.ok(DailyReportCsv.write(report), Csv.MEDIA_TYPE).header("Content-Disposition",
                    "attachment; filename=\"daily-" + report.adminUnitCode() + "-" + report.date() + ".csv\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/snapshots")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "freezeDailyReport", summary = "Freeze a day's figures now",
            description = "Freezes the figures of a date (today by default) now; figures already frozen are kept. "
                    + "Roles: admin.")
    public DailyReportService.SnapshotResult snapshot(@QueryParam("date") String date) {
        LocalDate day = parseDate(date);
        return service.snapshot(day == null ? service.today() : day);
    }

    private static LocalDate parseDate(String date) {
        return QueryParams.date("date", date);
    }
}
