package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.rest.QueryParams;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.domain.CaseStatus;
import org.qrtrace.tracing.service.CaseRequest;
import org.qrtrace.tracing.service.CaseService;
import org.qrtrace.tracing.service.CaseView;
import org.qrtrace.tracing.service.ExposureSiteService;
import org.qrtrace.tracing.service.ExposureSiteView;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Confirmed cases, for health officers whose jurisdiction covers the case's unit (docs/architecture.md, "Cases"). */
@Path("/api/v1/cases")
@Tag(name = "cases", description = "Confirmed cases: opened by a health officer, listed, read, and the chain of cases "
        + "linked from one another; every read audited.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.HEALTH_OFFICER)
public class CaseResource {

    private final CaseService service;
    private final ExposureSiteService sites;

    CaseResource(CaseService service, ExposureSiteService sites) {
        this.service = service;
        this.sites = sites;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openCase", summary = "Open a confirmed case",
            description = "The person by phone (pseudonymised at once, never stored) or pseudonym; the reference is "
                    + "unique; audited. Roles: health-officer whose jurisdiction covers adminUnitCode.")
    @APIResponse(responseCode = "201", description = "the case opened, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Response open(@Valid @NotNull(message = "a JSON body is required") CaseRequest request) {
        CaseView created = service.open(request);
        return Response.created(URI.create("/api/v1/cases/" + created.id())).entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCases", summary = "Cases of a unit",
            description = "Cases of a unit and the units below it (the officer's jurisdiction by default), newest "
                    + "confirmation first, optionally by status; audited. Roles: health-officer.")
    public List<CaseView> list(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("status") String status,
                               @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be >= 1")
                               @Max(value = 1000, message = "must be <= 1000") int limit) {
        return service.list(QueryParams.adminUnitCode("adminUnitCode", adminUnitCode),
                QueryParams.oneOf("status", status, CaseStatus.class), limit);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCase", summary = "A case",
            description = "One case; audited. Roles: health-officer whose jurisdiction covers the case's unit.")
    public CaseView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/chain")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCaseChain", summary = "The chain of linked cases",
            description = "The tree the case belongs to: its root and every case linked from it, recursively (id, "
                    + "reference, confirmation time); audited. Roles: health-officer whose jurisdiction covers the case's unit.")
    public CaseView.ChainNode chain(@PathParam("id") UUID id) {
        return service.chain(id);
    }

    @GET
    @Path("/{id}/exposure-sites")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCaseExposureSites", summary = "The exposure sites published for a case",
            description = "Every site published for the case, withdrawn ones too (withdrawnAt set), newest first, with "
                    + "who published it; audited. Withdrawing one: DELETE /api/v1/exposure-sites/{id}. Roles: "
                    + "health-officer whose jurisdiction covers the case's unit.")
    @APIResponse(responseCode = "200", description = "the case's sites (empty when none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ExposureSiteView.class)))
    public List<ExposureSiteView> exposureSites(@PathParam("id") UUID id) {
        return sites.ofCase(id);
    }
}
