package org.qrtrace.venue.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.qrtrace.common.security.Roles;
import org.qrtrace.venue.service.VenueImportService;

/**
 * Bulk registration from a CSV file (columns in the README). All or nothing, unless {@code ?partial=true}: then the
 * valid rows are created and the others reported by line and column.
 */
@Path("/api/v1/venues/import")
@RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
public class VenueImportResource {

    private final VenueImportService imports;
    private final Requesters requesters;

    VenueImportResource(VenueImportService imports, Requesters requesters) {
        this.imports = imports;
        this.requesters = requesters;
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    public VenueImportService.Report importCsv(byte[] body, @QueryParam("partial") @DefaultValue("false") boolean partial) {
        return imports.importCsv(requesters.current(), body, partial);
    }
}
