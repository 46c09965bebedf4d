package org.qrtrace.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * tracing-service, called with the signed-in officer's own access token ({@link AccessToken}): the service decides
 * what the officer may see; the console never widens it.
 */
@RegisterRestClient(configKey = "tracing")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface TracingApi {

    @GET
    @Path("/cases")
    List<Api.Case> cases(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("status") String status,
                         @QueryParam("limit") Integer limit);

    @POST
    @Path("/cases")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Case openCase(Map<String, Object> body);

    @GET
    @Path("/cases/{id}")
    Api.Case getCase(@PathParam("id") UUID id);

    @GET
    @Path("/cases/{id}/chain")
    Api.ChainNode chain(@PathParam("id") UUID id);

    @GET
    @Path("/cases/{id}/contacts")
    List<Api.Contact> contacts(@PathParam("id") UUID id);

    @PATCH
    @Path("/cases/{id}/contacts/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Contact followUp(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId, Map<String, Object> body);

    @GET
    @Path("/cases/{id}/notifications/preview")
    Api.NotificationPreview notificationPreview(@PathParam("id") UUID id, @QueryParam("tiers") List<String> tiers,
                                                @QueryParam("language") String language);

    @POST
    @Path("/cases/{id}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.NotificationResult notifyContacts(@PathParam("id") UUID id, Map<String, Object> body);

    @POST
    @Path("/exposure-queries")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.ExposureQuery runQuery(Map<String, Object> body);

    @GET
    @Path("/exposure-queries/{id}")
    Api.ExposureQuery getQuery(@PathParam("id") UUID id);

    @GET
    @Path("/exposure-queries/{id}/export.csv")
    @Produces("text/csv")
    Response exportQuery(@PathParam("id") UUID id);

    @POST
    @Path("/exposure-sites")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.ExposureSite publishSite(Map<String, Object> body);

    @GET
    @Path("/cases/{id}/exposure-sites")
    List<Api.ExposureSite> caseSites(@PathParam("id") UUID caseId);

    @DELETE
    @Path("/exposure-sites/{id}")
    void withdrawSite(@PathParam("id") UUID siteId);

    @GET
    @Path("/clusters")
    Api.Clusters clusters(@QueryParam("adminUnitCode") String adminUnitCode, @QueryParam("days") Integer days);

    @GET
    @Path("/reports/daily")
    Api.DailyReport dailyReport(@QueryParam("date") String date, @QueryParam("adminUnitCode") String adminUnitCode);

    @GET
    @Path("/reports/daily")
    @Produces("text/csv")
    Response dailyReportCsv(@QueryParam("date") String date, @QueryParam("adminUnitCode") String adminUnitCode,
                            @HeaderParam("Accept") String accept);

    @GET
    @Path("/audit")
    Api.AuditPage audit(@QueryParam("before") Long before, @QueryParam("limit") Integer limit);
}
