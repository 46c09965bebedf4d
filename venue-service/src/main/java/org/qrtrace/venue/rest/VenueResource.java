package org.qrtrace.venue.rest;

import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.rest.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.qrtrace.common.security.Roles;
import org.qrtrace.venue.config.VenueLimitsConfig;
import org.qrtrace.venue.domain.Entrance;
import org.qrtrace.venue.domain.Venue;
import org.qrtrace.venue.rest.VenueRequests.CloseVenue;
import org.qrtrace.venue.rest.VenueRequests.CreateVenue;
import org.qrtrace.venue.rest.VenueRequests.NewEntrance;
import org.qrtrace.venue.rest.VenueRequests.UpdateVenue;
import org.qrtrace.venue.rest.VenueViews.VenueView;
import org.qrtrace.venue.service.QrCodes;
import org.qrtrace.venue.service.VenuePlacements;
import org.qrtrace.venue.service.VenueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Venue registry: venue managers (their own venues) and admins (all). */
@Path("/api/v1/venues")
@Tag(name = "venues", description = "The venue registry: venues, their entrances and QR codes. Venue managers see and "
        + "change the venues of their token, admins all of them.")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.VENUE_MANAGER})
public class VenueResource {

    private final VenueService venues;
    private final QrCodes qrCodes;
    private final VenuePlacements placements;
    private final Requesters requesters;
    private final VenueLimitsConfig limits;

    VenueResource(VenueService venues, QrCodes qrCodes, VenuePlacements placements, Requesters requesters,
                  VenueLimitsConfig limits) {
        this.venues = venues;
        this.qrCodes = qrCodes;
        this.placements = placements;
        this.requesters = requesters;
        this.limits = limits;
    }

    @POST
    @Operation(operationId = "createVenue", summary = "Register a venue",
            description = "Registers a venue with its entrances; 201 with Location and the venue, each code's qrUrl "
                    + "included, and its placement (where its administrative unit stands today); 409 on a duplicate. "
                    + "adminUnitCode: a code in force today, or one only an earlier edition of the list has (kept as "
                    + "given); a code no edition has is refused. Roles: venue-manager (with an org claim), admin.")
    @APIResponse(responseCode = "201", description = "the venue registered, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueView.class)))
    public Response create(@NotNull @Valid CreateVenue request, @Context UriInfo uri) {
        Venue venue = venues.create(requesters.current(), request.toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(venue.id().toString()).build())
                .type(MediaType.APPLICATION_JSON).entity(VenueViews.of(venue, qrCodes.issuer(), placements.placer()))
                .build();
    }

    @GET
    @Operation(operationId = "listVenues", summary = "List venues",
            description = "A page of the venues the caller manages (admins: all), filtered by administrative unit (every "
                    + "unit below it, and the venues registered under units of another edition of the list that it "
                    + "covers), category and a name search that ignores case and diacritics. Roles: venue-manager, "
                    + "admin.")
    public VenueViews.VenuePage list(@QueryParam("adminUnitCode") String adminUnitCode,
                                     @QueryParam("category") String category, @QueryParam("q") String q,
                                     @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        Integer requestedPage = QueryParams.integer("page", page);
        Integer requestedSize = QueryParams.integer("size", size);
        VenueService.Criteria criteria = new VenueService.Criteria(VenueParams.adminUnitCode(adminUnitCode),
                VenueParams.category(category), VenueParams.text(q), includeClosed);
        int pageNumber = requestedPage == null ? 0 : requestedPage;
        int pageSize = requestedSize == null ? limits.defaultPageSize() : requestedSize;
        if (pageNumber < 0 || (long) pageNumber * pageSize > Integer.MAX_VALUE) {
            throw InvalidInput.field("page", "must be between 0 and " + Integer.MAX_VALUE / Math.max(1, pageSize));
        }
        if (pageSize < 1 || pageSize > limits.maxPageSize()) {
            throw InvalidInput.field("size", "must be between 1 and " + limits.maxPageSize());
        }
        VenueService.Page result = venues.list(requesters.current(), criteria, pageNumber, pageSize);
        QrCodes.Issuer issuer = qrCodes.issuer();
        VenuePlacements.Placer placer = placements.placer();
        return new VenueViews.VenuePage(result.items().stream().map(v -> VenueViews.of(v, issuer, placer)).toList(),
                result.page(), result.size(), result.total());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getVenue", summary = "Get a venue",
            description = "One venue with its entrances and their qrUrl. Roles: the venue's manager, admin.")
    public VenueView get(@PathParam("id") UUID id) {
        return VenueViews.of(venues.get(requesters.current(), id), qrCodes.issuer(), placements.placer());
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateVenue", summary = "Update a venue",
            description = "Replaces name, category, administrative unit, address, contact phone and capacity "
                    + "(VenueUpdated; no event when nothing changed). A changed adminUnitCode is given today; one sent "
                    + "again unchanged keeps the day it was given. Roles: the venue's manager, admin.")
    public VenueView update(@PathParam("id") UUID id, @NotNull @Valid UpdateVenue request) {
        return VenueViews.of(venues.update(requesters.current(), id, request.toInput()), qrCodes.issuer(),
                placements.placer());
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeVenue", summary = "Close a venue",
            description = "Revokes every code of the venue, then closes it (QrTokenRevoked, VenueClosed); the body "
                    + "with a reason is optional; idempotent. Roles: the venue's manager, admin.")
    public VenueView close(@PathParam("id") UUID id, @Valid CloseVenue request) {
        return VenueViews.of(venues.close(requesters.current(), id, request == null ? null : request.reason()),
                qrCodes.issuer(), placements.placer());
    }

    @POST
    @Path("/{id}/entrances")
    @Operation(operationId = "addEntrance", summary = "Add an entrance",
            description = "Adds an entrance with its own QR code; 201 with the entrance (EntranceAdded). Roles: the "
                    + "venue's manager, admin.")
    @APIResponse(responseCode = "201", description = "the entrance added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VenueViews.EntranceView.class)))
    public Response addEntrance(@PathParam("id") UUID id, @NotNull @Valid NewEntrance request) {
        Entrance entrance = venues.addEntrance(requesters.current(), id, request.name());
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON)
                .entity(VenueViews.of(entrance, qrCodes.issuer())).build();
    }

    @POST
    @Path("/{id}/qr/rotate")
    @Operation(operationId = "rotateVenueCode", summary = "Issue a new QR code version",
            description = "A new token version for the venue-level code, or for one entrance's with entranceId; the "
                    + "previous version stays valid for the rotation grace (QrKeyRotated). Roles: the venue's manager, "
                    + "admin.")
    public VenueViews.RotationView rotate(@PathParam("id") UUID id, @QueryParam("entranceId") String entrance) {
        UUID entranceId = QueryParams.uuid("entranceId", entrance);
        VenueService.Rotation r = venues.rotate(requesters.current(), id, entranceId);
        QrCodes.Issuer issuer = qrCodes.issuer();
        String url = entranceId == null ? issuer.venueUrl(r.venue()) : r.venue().entrances().stream()
                .filter(e -> e.id().equals(entranceId)).findFirst().map(issuer::entranceUrl).orElseThrow();
        return new VenueViews.RotationView(id, entranceId, r.tokenVersion(), r.previousValidUntil(), url);
    }
}
