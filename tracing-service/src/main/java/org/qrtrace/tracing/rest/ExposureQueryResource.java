package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.csv.Csv;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.AuditLog;
import org.qrtrace.tracing.service.ExposureCsv;
import org.qrtrace.tracing.service.ExposureQueryRequest;
import org.qrtrace.tracing.service.ExposureQueryService;
import org.qrtrace.tracing.service.ExposureQueryView;

import java.util.UUID;

/** Exposure queries for health officers (docs/architecture.md, "Exposure query"). */
@Path("/api/v1/exposure-queries")
@Tag(name = "exposure-queries", description = "Who was at the same place at the same time as a confirmed case: F1 and "
        + "F2 contacts, every query recorded and audited.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.HEALTH_OFFICER)
public class ExposureQueryResource {

    private final ExposureQueryService service;

    ExposureQueryResource(ExposureQueryService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runExposureQuery", summary = "Run an exposure query",
            description = "F1 contacts, and F2 with depth 2, of the index person of a case (rules in "
                    + "docs/architecture.md, \"Exposure query\"); stored and audited. Roles: health-officer.")
    public ExposureQueryView run(@Valid @NotNull(message = "a JSON body is required") ExposureQueryRequest request) {
        return service.run(request);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getExposureQuery", summary = "A query run earlier",
            description = "The stored result of a query, phones opened again; audited. Roles: health-officer, the "
                    + "officer who ran it (same subject and jurisdiction).")
    public ExposureQueryView get(@PathParam("id") UUID id) {
        return service.read(id, AuditLog.Action.EXPOSURE_QUERY_READ);
    }

    @GET
    @Path("/{id}/export.csv")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(operationId = "exportExposureQueryCsv", summary = "A query's contact list as CSV",
            description = "One row per overlap, UTF-8 with BOM, formula-injection safe; audited. Roles: "
                    + "health-officer, the officer who ran it.")
    public Response export(@PathParam("id") UUID id) {
        ExposureQueryView view = service.read(id, AuditLog.Action.EXPOSURE_EXPORT);
        return Response.ok(ExposureCsv.write(view), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"exposure-" + id + ".csv\"").build();
    }
}
