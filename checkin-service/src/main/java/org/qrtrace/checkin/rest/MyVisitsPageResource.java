package org.qrtrace.checkin.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.checkin.config.CheckinConfig;

import java.time.Clock;

/**
 * The visitor's "my visits" page. The server sends the same page to everyone: the visits live only in the visitor's
 * browser ({@code /js/visits.js} stores them on the success and check-out pages), and the page's script matches them
 * against tracing-service's public exposure-site feed in the browser. So no request here carries a visit, and no server
 * learns who matched.
 */
@Path("/my-visits")
@Tag(name = "my-visits-page", description = "The visitor's own visits, kept only in their browser and matched there "
        + "against the published exposure sites (HTML; nothing about the visits is sent to any server).")
@Produces(MediaType.TEXT_HTML)
public class MyVisitsPageResource {

    private final CheckinPages pages;
    private final ExposureSitesLinks links;
    private final CheckinConfig config;
    private final Clock clock;

    @Inject
    public MyVisitsPageResource(CheckinPages pages, ExposureSitesLinks links, CheckinConfig config, Clock clock) {
        this.pages = pages;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "showMyVisitsPage", summary = "The visitor's my-visits page",
            description = "The page on which a visitor's browser lists the visits it kept and matches them against the "
                    + "published exposure sites (HTML, Vietnamese by default, English by Accept-Language or lang=en). "
                    + "The same page for everyone: no visit is sent here. Public.")
    public Response page(@QueryParam("lang") String langParam, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @Context ContainerRequestContext request) {
        String lang = PageText.choose(langParam, acceptLanguage);
        String nonce = SecurityHeaders.nonce(request);
        SecurityHeaders.allowConnectTo(request, links.feedOrigin());
        String body = pages.myVisits(lang, nonce, new CheckinPages.MyVisits(links.feedUrl(), links.pageUrl(),
                config.stay().defaultStay(), clock.instant()));
        return Response.ok(body).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
