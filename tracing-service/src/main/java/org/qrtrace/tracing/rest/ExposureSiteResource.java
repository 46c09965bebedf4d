package org.qrtrace.tracing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.Uncompressed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.problem.Problem;
import org.qrtrace.common.rest.QueryParams;
import org.qrtrace.common.security.Roles;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.service.ExposureSiteList;
import org.qrtrace.tracing.service.ExposureSiteRequest;
import org.qrtrace.tracing.service.ExposureSiteService;
import org.qrtrace.tracing.service.ExposureSiteView;
import org.qrtrace.tracing.service.PublicExposureSites;

import java.net.URI;
import java.util.UUID;

/**
 * Exposure sites: published and withdrawn by health officers, listed for anyone without a token
 * (docs/architecture.md, "Exposure sites"). The list names no one.
 */
@Path("/api/v1/exposure-sites")
@Tag(name = "exposure-sites", description = "Venues and time windows at which a confirmed case was present: published "
        + "and withdrawn by health officers (audited), and the public list visitors check their own visits against, "
        + "which names no one.")
public class ExposureSiteResource {

    private final ExposureSiteService service;
    private final PublicExposureSites publicSites;
    private final ObjectMapper mapper;
    private final TracingConfig config;

    ExposureSiteResource(ExposureSiteService service, PublicExposureSites publicSites, ObjectMapper mapper,
                         TracingConfig config) {
        this.service = service;
        this.publicSites = publicSites;
        this.mapper = mapper;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.HEALTH_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "publishExposureSite", summary = "Publish an exposure site",
            description = "A venue and window [from, to) at which the case was present, for the public list: the case "
                    + "must be one the officer may read, the venue one inside their jurisdiction; the window at most "
                    + "14 days long (configurable), over, and recent enough to be listed; advice optional plain text. "
                    + "The same case, venue and window again answers the site already published (200). Published on "
                    + "tracing.events; audited. Roles: health-officer.")
    @APIResponse(responseCode = "201", description = "the site published, with its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExposureSiteView.class)))
    @APIResponse(responseCode = "200", description = "that case, venue and window were published already: that site",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExposureSiteView.class)))
    @APIResponse(responseCode = "400", description = "a field breaks a rule; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not a health officer, or the case or venue is outside the "
            + "officer's jurisdiction (the problem names caseId or venueId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such case or venue (the problem names caseId or venueId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@Valid @NotNull(message = "a JSON body is required") ExposureSiteRequest request) {
        ExposureSiteService.Published published = service.publish(request);
        return published.created()
                ? Response.created(URI.create("/api/v1/exposure-sites/" + published.site().id())).entity(published.site()).build()
                : Response.ok(published.site()).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.HEALTH_OFFICER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "withdrawExposureSite", summary = "Withdraw an exposure site",
            description = "Takes the site off the public list (withdrawn on tracing.events; audited); a site withdrawn "
                    + "already stays so. Roles: health-officer who may read its case and whose jurisdiction covers its venue.")
    @APIResponse(responseCode = "204", description = "withdrawn (now or before)")
    @APIResponse(responseCode = "401", description = "no valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not a health officer, or the site is outside the officer's jurisdiction",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such exposure site",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID id) {
        service.withdraw(id);
        return Response.noContent().build();
    }

    /**
     * Uncompressed, so that the strong ETag is that of the bytes sent; an ingress that compresses weakens it, as
     * nginx does.
     */
    @GET
    @PermitAll
    @Uncompressed
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listExposureSites", summary = "The public list of exposure sites",
            description = "Sites not withdrawn whose window ended within the last 14 days (configurable), newest "
                    + "publication first, optionally of one administrative unit and the units below it; the default "
                    + "advice in lang (vi or en). Names no case, reference, pseudonym or officer. Cacheable for a "
                    + "minute, with a strong ETag (If-None-Match: 304), readable from any origin. Public: no token.")
    @APIResponse(responseCode = "200", description = "the list",
            headers = {@Header(name = "ETag", description = "strong validator of the body",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Access-Control-Allow-Origin", description = "*: any page may read the list",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExposureSiteList.class)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag given in If-None-Match",
            headers = @Header(name = "ETag", description = "strong validator of the body",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "adminUnitCode or lang is not valid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Parameter(description = "an administrative unit: its sites and those of the units below it")
                         @QueryParam("adminUnitCode") String adminUnitCode,
                         @Parameter(description = "language of the default advice: vi (default) or en")
                         @QueryParam("lang") String lang,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws JsonProcessingException {
        ExposureSiteList list = publicSites.list(QueryParams.adminUnitCode("adminUnitCode", adminUnitCode),
                lang == null || lang.isBlank() ? null : lang.strip());
        byte[] body = mapper.writeValueAsBytes(list);
        return PublicResponses.data(PublicResponses.cacheable(body, MediaType.APPLICATION_JSON_TYPE, ifNoneMatch,
                config.exposureSites().publicMaxAge())).build();
    }
}
