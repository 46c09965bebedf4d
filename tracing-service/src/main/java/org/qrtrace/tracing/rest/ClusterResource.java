package org.qrtrace.tracing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.rest.QueryParams;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.ClusterList;
import org.qrtrace.tracing.service.ClusterService;

/** Venues where several confirmed cases checked in, for health officers of the unit (docs/architecture.md, "Clusters"). */
@Path("/api/v1/clusters")
@Tag(name = "clusters", description = "Venues of a unit where two or more confirmed cases checked in within the last "
        + "days, ranked by the number of cases; every read audited.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.HEALTH_OFFICER)
public class ClusterResource {

    private final ClusterService service;

    ClusterResource(ClusterService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listClusters", summary = "Clusters of a unit",
            description = "Venues of a unit and the units below it (the officer's jurisdiction by default; venues "
                    + "registered under units of another edition of the list placed through the mapping) where the "
                    + "own visits of two or more confirmed cases checked in within the last days days (1 to 60, "
                    + "default 14), most cases first, then the latest visit; each with its cases (id, reference, "
                    + "status: no person) and their visits there; audited. Roles: health-officer whose jurisdiction "
                    + "covers adminUnitCode.")
    public ClusterList list(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("days") String days) {
        return service.list(QueryParams.adminUnitCode("adminUnitCode", adminUnitCode), QueryParams.integer("days", days));
    }
}
