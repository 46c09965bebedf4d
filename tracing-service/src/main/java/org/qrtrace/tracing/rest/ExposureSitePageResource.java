package org.qrtrace.tracing.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.common.adminunit.AdminUnitCode;
import org.qrtrace.common.problem.Problem;
import org.qrtrace.common.rest.QueryParams;
import org.qrtrace.tracing.config.TracingConfig;
import org.qrtrace.tracing.service.ExposureSiteList;
import org.qrtrace.tracing.service.PublicExposureSites;

import java.nio.charset.StandardCharsets;

/** The public page of exposure sites, for anyone's phone: plain HTML, no script, no token (docs/architecture.md). */
@Path("/exposure-sites")
@Tag(name = "exposure-sites-page", description = "The public HTML page of exposure sites (Vietnamese, or English with "
        + "lang=en): what a visitor reads to check their own visits; it names no one.")
public class ExposureSitePageResource {

    private final PublicExposureSites sites;
    private final ExposureSitePages pages;
    private final TracingConfig config;

    ExposureSitePageResource(PublicExposureSites sites, ExposureSitePages pages, TracingConfig config) {
        this.sites = sites;
        this.pages = pages;
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showExposureSitesPage", summary = "The public page of exposure sites",
            description = "The public list as a page: venue, address, unit, window in Vietnam time and advice, with "
                    + "what to do and that the system does not know who visited. Vietnamese by default, lang=en for "
                    + "English; optionally one administrative unit and the units below it. Cacheable for a minute, "
                    + "with a strong ETag. Public: no token.")
    @APIResponse(responseCode = "200", description = "the page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "adminUnitCode is not valid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response page(@Parameter(description = "en for English; Vietnamese otherwise") @QueryParam("lang") String lang,
                         @Parameter(description = "an administrative unit: its sites and those of the units below it")
                         @QueryParam("adminUnitCode") String adminUnitCode,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String language = ExposureSitePages.language(lang);
        AdminUnitCode unit = QueryParams.adminUnitCode("adminUnitCode", adminUnitCode);
        ExposureSiteList list = sites.list(unit, language);
        byte[] html = pages.render(language, unit, list).getBytes(StandardCharsets.UTF_8);
        return PublicResponses.page(PublicResponses.cacheable(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"),
                ifNoneMatch, config.exposureSites().publicMaxAge()), pages.styleHash()).build();
    }
}
