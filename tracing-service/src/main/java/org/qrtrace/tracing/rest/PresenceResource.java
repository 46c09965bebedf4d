package org.qrtrace.tracing.rest;

import org.qrtrace.common.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.service.PresenceService;

import java.util.UUID;

/** Who was at a venue during a window (health officer of the venue's jurisdiction; caseReference required). */
@Path("/api/v1/venues/{id}/presence")
@Tag(name = "presence", description = "Who was at a venue during a window.")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.HEALTH_OFFICER)
public class PresenceResource {

    private final PresenceService service;

    PresenceResource(PresenceService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getVenuePresence", summary = "Visits at a venue",
            description = "Visits intersecting [from, to) with contacts opened; caseReference is required; audited. "
                    + "Roles: health-officer whose jurisdiction contains the venue.")
    public PresenceService.VenuePresence get(@PathParam("id") UUID venueId, @QueryParam("from") String from,
                                             @QueryParam("to") String to, @QueryParam("caseReference") String caseReference) {
        return service.read(venueId, QueryParams.instant("from", from), QueryParams.instant("to", to), caseReference);
    }
}
