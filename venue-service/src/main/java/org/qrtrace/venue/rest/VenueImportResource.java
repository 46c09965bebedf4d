package org.qrtrace.venue.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.qrtrace.common.security.Roles;
import org.qrtrace.venue.service.VenueImportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk registration from a CSV file (columns in the README). All or nothing, unless {@code ?partial=true}: then the
 * valid rows are created and the others reported by line and column.
 */
@Path("/api/v1/venues/import")
@Tag(name = "venue-import", description = "Bulk registration of venues from a CSV file.")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
public class VenueImportResource {

    private final VenueImportService imports;
    private final Requesters requesters;

    VenueImportResource(VenueImportService imports, Requesters requesters) {
        this.imports = imports;
        this.requesters = requesters;
    }

    @POST
    @Operation(operationId = "importVenues", summary = "Import venues from CSV",
            description = "All rows or none, unless partial=true: then the valid rows are created and the others "
                    + "reported by line and column (columns in the venue-service README). Roles: venue-manager (with "
                    + "an org claim), admin.")
    @Consumes({"text/csv", "application/csv"})
    public VenueImportService.Report importCsv(byte[] body, @QueryParam("partial") @DefaultValue("false") boolean partial) {
        return imports.importCsv(requesters.current(), body, partial);
    }
}
