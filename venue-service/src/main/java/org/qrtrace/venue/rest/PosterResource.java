package org.qrtrace.venue.rest;

import org.qrtrace.common.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.qrtrace.common.security.Roles;
import org.qrtrace.venue.service.PosterService;
import org.qrtrace.venue.service.PosterService.Format;

import java.util.UUID;

/** Printable QR posters (A4): PNG, SVG, PDF for one venue or entrance; a multi-page PDF or a ZIP for a selection. */
@Path("/api/v1/venues")
@RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
public class PosterResource {

    private final PosterService posters;
    private final Requesters requesters;

    PosterResource(PosterService posters, Requesters requesters) {
        this.posters = posters;
        this.requesters = requesters;
    }

    @GET
    @Path("/{id}/poster.png")
    public Response png(@PathParam("id") UUID id, @QueryParam("entranceId") String entranceId) {
        return one(id, entranceId, Format.PNG);
    }

    @GET
    @Path("/{id}/poster.svg")
    public Response svg(@PathParam("id") UUID id, @QueryParam("entranceId") String entranceId) {
        return one(id, entranceId, Format.SVG);
    }

    @GET
    @Path("/{id}/poster.pdf")
    public Response pdf(@PathParam("id") UUID id, @QueryParam("entranceId") String entranceId) {
        return one(id, entranceId, Format.PDF);
    }

    /** Every code (venue-level and each entrance) of the open venues matching the filter, one page each. */
    @GET
    @Path("/posters.pdf")
    public Response bulk(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("category") String category) {
        return file(posters.bulkPdf(requesters.current(), VenueParams.adminUnit("adminUnitCode", adminUnitCode),
                VenueParams.category(category)));
    }

    /** The same selection as a ZIP of single-page PDFs, one per code. */
    @GET
    @Path("/posters.zip")
    public Response bulkZip(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("category") String category) {
        return file(posters.bulkZip(requesters.current(), VenueParams.adminUnit("adminUnitCode", adminUnitCode),
                VenueParams.category(category)));
    }

    private Response one(UUID id, String entranceId, Format format) {
        return file(posters.poster(requesters.current(), id, QueryParams.uuid("entranceId", entranceId), format));
    }

    private static Response file(PosterService.Rendered rendered) {
        return Response.ok(rendered.bytes(), rendered.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + rendered.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
