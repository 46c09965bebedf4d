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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Printable QR posters (A4): PNG, SVG, PDF for one venue or entrance; a multi-page PDF or a ZIP for a selection. */
@Path("/api/v1/venues")
@Tag(name = "posters", description = "Printable A4 QR posters: one venue or entrance as PNG, SVG or PDF, or every code "
        + "of a selection of venues as one PDF or a ZIP.")
@SecurityRequirement(name = "bearer")
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
    @Operation(operationId = "getPosterPng", summary = "Poster as PNG",
            description = "The A4 poster of the venue-level code, or of one entrance with entranceId; 410 for a closed "
                    + "venue. Roles: the venue's manager, admin.")
    public Response png(@PathParam("id") UUID id, @QueryParam("entranceId") String entranceId) {
        return one(id, entranceId, Format.PNG);
    }

    @GET
    @Path("/{id}/poster.svg")
    @Operation(operationId = "getPosterSvg", summary = "Poster as SVG",
            description = "The A4 poster of the venue-level code, or of one entrance with entranceId; 410 for a closed "
                    + "venue. Roles: the venue's manager, admin.")
    public Response svg(@PathParam("id") UUID id, @QueryParam("entranceId") String entranceId) {
        return one(id, entranceId, Format.SVG);
    }

    @GET
    @Path("/{id}/poster.pdf")
    @Operation(operationId = "getPosterPdf", summary = "Poster as PDF",
            description = "The A4 poster of the venue-level code, or of one entrance with entranceId; 410 for a closed "
                    + "venue. Roles: the venue's manager, admin.")
    public Response pdf(@PathParam("id") UUID id, @QueryParam("entranceId") String entranceId) {
        return one(id, entranceId, Format.PDF);
    }

    /** Every code (venue-level and each entrance) of the open venues matching the filter, one page each. */
    @GET
    @Path("/posters.pdf")
    @Operation(operationId = "getPostersPdf", summary = "Posters of a selection as one PDF",
            description = "One page per code (venue-level, then each entrance) of every open venue the caller manages "
                    + "in the selection; 400 above the configured number of venues. Roles: venue-manager, admin.")
    public Response bulk(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("category") String category) {
        return file(posters.bulkPdf(requesters.current(), VenueParams.adminUnitCode(adminUnitCode),
                VenueParams.category(category)));
    }

    /** The same selection as a ZIP of single-page PDFs, one per code. */
    @GET
    @Path("/posters.zip")
    @Operation(operationId = "getPostersZip", summary = "Posters of a selection as a ZIP",
            description = "The selection of getPostersPdf as a ZIP of single-page PDFs, one per code. Roles: "
                    + "venue-manager, admin.")
    public Response bulkZip(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("category") String category) {
        return file(posters.bulkZip(requesters.current(), VenueParams.adminUnitCode(adminUnitCode),
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
