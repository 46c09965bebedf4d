package org.qrtrace.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.qrtrace.console.ConsoleConfig;
import org.qrtrace.console.api.Api;
import org.qrtrace.console.api.ServiceProblem;
import org.qrtrace.console.api.TracingApi;
import org.qrtrace.console.view.Forms;

/** Clusters and the audit log. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OtherPages {

    @Inject
    PageSupport page;
    @Inject
    ConsoleConfig config;
    @RestClient
    TracingApi tracing;

    @Location("clusters.html")
    Template clustersTemplate;
    @Location("audit.html")
    Template auditTemplate;

    @GET
    @Path("clusters")
    public Response clusters(@QueryParam("unit") String unit, @QueryParam("days") String days) {
        Forms f = new Forms(config.zone());
        String u = f.unitCode("unit", unit, false);
        Integer d = f.integer("days", days, 1, 60, 14);
        Api.Clusters clusters = null;
        ServiceProblem problem = null;
        boolean unavailable = false;
        if (f.ok()) {
            try {
                clusters = tracing.clusters(u, d);
            } catch (ServiceProblem p) {
                if (p.status() == 404) {
                    // the endpoint itself is not there (a tracing-service without clusters): an unknown unit is a 400
                    unavailable = true;
                } else {
                    problem = p;
                }
            }
        }
        return Response.ok(page.page(clustersTemplate.data("clusters", clusters).data("problem", problem)
                .data("unavailable", unavailable).data("errors", f.errors()).data("unit", unit == null ? "" : unit)
                .data("days", days == null || days.isBlank() ? "14" : days), "clusters")).build();
    }

    @GET
    @Path("audit")
    @RolesAllowed("admin")
    public Response audit(@QueryParam("before") String before) {
        Long b = null;
        if (before != null && before.matches("\\d{1,18}")) {
            b = Long.valueOf(before);
        }
        Api.AuditPage rows = null;
        ServiceProblem problem = null;
        try {
            rows = tracing.audit(b, 100);
        } catch (ServiceProblem p) {
            problem = p;
        }
        return Response.ok(page.page(auditTemplate.data("audit", rows).data("problem", problem), "audit")).build();
    }
}
