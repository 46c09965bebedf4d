package org.qrtrace.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.qrtrace.console.ConsoleConfig;
import org.qrtrace.console.api.Api;
import org.qrtrace.console.api.ServiceProblem;
import org.qrtrace.console.api.TracingApi;
import org.qrtrace.console.view.CaseGraph;
import org.qrtrace.console.view.ContactTable;
import org.qrtrace.console.view.Forms;
import org.qrtrace.console.view.Timeline;
import org.qrtrace.console.view.Times;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Cases: the list, opening one, a case's page and what an officer does on it. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    public static final List<String> CASE_STATUSES = List.of("OPEN", "CLOSED");
    public static final List<String> FOLLOW_UP = List.of("REACHED", "QUARANTINED", "TESTED_NEGATIVE", "TESTED_POSITIVE",
            "UNREACHABLE");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The last exposure query run on a case in this browser (cookie scoped to the case's path): its index visits. */
    static final String QUERY_COOKIE = "console-query";

    @Inject
    PageSupport page;
    @Inject
    ConsoleConfig config;
    @RestClient
    TracingApi tracing;

    @Location("cases.html")
    Template casesTemplate;
    @Location("case.html")
    Template caseTemplate;

    @GET
    public Response home() {
        return Response.seeOther(URI.create(page.officer().healthOfficer() || !page.officer().admin() ? "/cases" : "/reports")).build();
    }

    @GET
    @Path("cases")
    public Response cases(@QueryParam("status") String status, @QueryParam("unit") String unit) {
        return Response.ok(casesPage(status, unit, Map.of(), Map.of(), null)).build();
    }

    private TemplateInstance casesPage(String status, String unit, Map<String, String> errors, Map<String, String> form,
                                       ServiceProblem openProblem) {
        Forms f = new Forms(config.zone());
        String st = f.oneOf("status", status, CASE_STATUSES);
        String u = f.unitCode("unit", unit, false);
        List<Api.Case> cases = List.of();
        ServiceProblem problem = null;
        if (f.ok()) {
            try {
                cases = tracing.cases(u, st, 200);
            } catch (ServiceProblem p) {
                problem = p;
            }
        }
        Map<String, String> allErrors = new LinkedHashMap<>(f.errors());
        allErrors.putAll(errors);
        return page.page(casesTemplate.data("cases", cases).data("status", st == null ? "" : st)
                .data("unit", unit == null ? "" : unit).data("statuses", CASE_STATUSES).data("problem", problem)
                .data("errors", allErrors).data("form", form).data("openProblem", openProblem)
                .data("now", Times.input(Instant.now())), "cases");
    }

    @POST
    @Path("cases")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@RestForm("csrf-token") String csrf, @RestForm String caseReference, @RestForm String phone,
                         @RestForm String confirmedAt, @RestForm String adminUnitCode, @RestForm String linkedFromCaseId) {
        page.checkCsrf(csrf);
        Forms f = new Forms(config.zone());
        String ref = f.required("caseReference", caseReference);
        String ph = f.phone("phone", phone);
        Instant confirmed = f.localDateTime("confirmedAt", confirmedAt, true);
        if (confirmed != null && confirmed.isAfter(Instant.now().plus(Duration.ofMinutes(5)))) {
            f.fail("confirmedAt", "err_future");
        }
        String unit = f.unitCode("adminUnitCode", adminUnitCode, true);
        UUID linked = null;
        if (linkedFromCaseId != null && !linkedFromCaseId.isBlank()) {
            try {
                linked = UUID.fromString(linkedFromCaseId.strip());
            } catch (IllegalArgumentException e) {
                f.fail("linkedFromCaseId", "err_uuid");
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("caseReference", nz(caseReference));
        form.put("phone", nz(phone));
        form.put("confirmedAt", nz(confirmedAt));
        form.put("adminUnitCode", nz(adminUnitCode));
        form.put("linkedFromCaseId", nz(linkedFromCaseId));
        if (!f.ok()) {
            return Response.status(400).entity(casesPage(null, null, f.errors(), form, null)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseReference", ref);
        body.put("phone", ph);
        body.put("confirmedAt", confirmed.toString());
        body.put("adminUnitCode", unit);
        if (linked != null) {
            body.put("linkedFromCaseId", linked.toString());
        }
        try {
            Api.Case created = tracing.openCase(body);
            return Response.seeOther(URI.create("/cases/" + created.id() + "?opened=1")).build();
        } catch (ServiceProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            return Response.status(p.status()).entity(casesPage(null, null, Map.of(), form, p)).build();
        }
    }

    @GET
    @Path("cases/{id}")
    public Response casePage(@PathParam("id") String id, @QueryParam("tier") String tier, @QueryParam("fstatus") String fstatus,
                             @QueryParam("venue") String venue, @QueryParam("sort") String sort,
                             @QueryParam("query") String queryId, @QueryParam("notified") String notified,
                             @QueryParam("saved") String saved, @QueryParam("site") String site,
                             @QueryParam("withdrawn") String withdrawn, @QueryParam("opened") String opened,
                             @jakarta.ws.rs.CookieParam(QUERY_COOKIE) String lastQuery) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("notified", parseNotified(notified));
        extra.put("saved", saved != null);
        extra.put("site", site != null);
        extra.put("withdrawn", withdrawn != null);
        extra.put("opened", opened != null);
        String shownQuery = queryId != null && !queryId.isBlank() ? queryId : lastQuery == null ? null : "cookie:" + lastQuery;
        return Response.ok(casePage(caseId(id), new ContactTable.Filter(tier, fstatus, venue, sort), shownQuery, extra,
                Map.of(), Map.of(), null)).build();
    }

    /**
     * The text a contact would get, as tracing-service renders it with the templates it sends with (an F1 when there
     * is one); null when there is no contact to message or the preview cannot be had (the page says so).
     */
    private String preview(UUID id, String language) {
        try {
            return tracing.notificationPreview(id, List.of("F1", "F2"), language).example();
        } catch (ServiceProblem p) {
            return null;
        }
    }

    private TemplateInstance casePage(UUID id, ContactTable.Filter filter, String queryId, Map<String, Object> extra,
                                      Map<String, String> errors, Map<String, String> form, ServiceProblem actionProblem) {
        Api.Case theCase = tracing.getCase(id);
        List<Api.Contact> contacts = tracing.contacts(id);
        Api.ChainNode chain = null;
        try {
            chain = tracing.chain(id);
        } catch (ServiceProblem ignored) {
            // the chain is a nicety: the case page stands without it
        }
        List<Api.ExposureSite> sites = List.of();
        try {
            sites = tracing.caseSites(id);
        } catch (ServiceProblem ignored) {
            // like the chain: the case page stands without its list of sites
        }
        Api.ExposureQuery query = null;
        ServiceProblem queryProblem = null;
        if (queryId != null && !queryId.isBlank()) {
            boolean fromCookie = queryId.startsWith("cookie:");
            try {
                query = tracing.getQuery(UUID.fromString(queryId.substring(fromCookie ? 7 : 0).strip()));
            } catch (IllegalArgumentException e) {
                // an unreadable id: no query shown
            } catch (ServiceProblem p) {
                // a query remembered by this browser but not readable by this officer is not shown, nor complained of
                queryProblem = fromCookie ? null : p;
            }
        }
        List<Api.Contact> shown = ContactTable.apply(contacts, filter);
        CaseGraph.Graph graph = CaseGraph.build(theCase, contacts);
        Timeline.Chart timeline = Timeline.build(query == null ? List.of() : query.indexVisits(), contacts);
        Instant now = Instant.now();
        TemplateInstance t = caseTemplate.data("c", theCase).data("contacts", shown).data("allCount", contacts.size())
                .data("f1", ContactTable.count(contacts, "F1")).data("f2", ContactTable.count(contacts, "F2"))
                .data("venues", ContactTable.venues(contacts)).data("filter", filter)
                .data("sort", filter.sort() == null ? "tier" : filter.sort())
                .data("sorts", ContactTable.SORTS).data("tiers", List.of("F1", "F2")).data("followUps", FOLLOW_UP).data("chain", chain)
                .data("graphJson", json(graph)).data("timeline", timeline).data("query", query).data("sites", sites)
                .data("queryProblem", queryProblem)
                .data("previewVi", preview(id, "vi")).data("previewEn", preview(id, "en"))
                .data("errors", errors).data("form", form).data("actionProblem", actionProblem)
                .data("defaultFrom", Times.input(LocalDate.now(Times.VN).minusDays(14).atStartOfDay(Times.VN).toInstant()))
                .data("defaultTo", Times.input(now.plusSeconds(120)))
                .data("selfPath", "/cases/" + id);
        extra.forEach(t::data);
        for (String k : List.of("notified", "saved", "site", "withdrawn", "opened", "formName")) {
            if (!extra.containsKey(k)) {
                t.data(k, k.equals("notified") ? null : k.equals("formName") ? "" : false);
            }
        }
        return page.page(t, "cases");
    }

    @POST
    @Path("cases/{id}/query")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response runQuery(@PathParam("id") String id, @RestForm("csrf-token") String csrf, @RestForm String from,
                             @RestForm String to, @RestForm String bufferMinutes, @RestForm String minOverlapMinutes,
                             @RestForm String depth) {
        page.checkCsrf(csrf);
        UUID caseId = caseId(id);
        Forms f = new Forms(config.zone());
        Instant start = f.localDateTime("from", from, true);
        Instant end = f.localDateTime("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            f.fail("to", "err_order");
        }
        Integer buffer = f.integer("bufferMinutes", bufferMinutes, 0, 1440, 30);
        Integer overlap = f.integer("minOverlapMinutes", minOverlapMinutes, 0, 1440, 15);
        Integer d = f.integer("depth", depth, 1, 2, 2);
        Map<String, String> form = Map.of("from", nz(from), "to", nz(to), "bufferMinutes", nz(bufferMinutes),
                "minOverlapMinutes", nz(minOverlapMinutes), "depth", nz(depth));
        if (!f.ok()) {
            return Response.status(400).entity(casePage(caseId, emptyFilter(), null, Map.of("formName", "query"),
                    f.errors(), form, null)).build();
        }
        Api.Case theCase = tracing.getCase(caseId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseReference", theCase.caseReference());
        body.put("pseudonym", theCase.pseudonym());
        body.put("from", start.toString());
        body.put("to", end.toString());
        body.put("bufferMinutes", buffer);
        body.put("minOverlapMinutes", overlap);
        body.put("depth", d);
        try {
            Api.ExposureQuery q = tracing.runQuery(body);
            return Response.seeOther(URI.create("/cases/" + caseId + "?query=" + q.queryId() + "#query"))
                    .cookie(new jakarta.ws.rs.core.NewCookie.Builder(QUERY_COOKIE).value(q.queryId().toString())
                            .path("/cases/" + caseId).httpOnly(true).secure(config.secureCookies())
                            .sameSite(jakarta.ws.rs.core.NewCookie.SameSite.LAX).build()).build();
        } catch (ServiceProblem p) {
            if (p.status() >= 500 && p.status() != 503) {
                throw p;
            }
            return Response.status(p.status()).entity(casePage(caseId, emptyFilter(), null, Map.of("formName", "query"),
                    Map.of(), form, p)).build();
        }
    }

    @GET
    @Path("cases/{id}/queries/{queryId}/export.csv")
    @Produces("text/csv")
    public Response exportCsv(@PathParam("id") String id, @PathParam("queryId") String queryId) {
        caseId(id);
        Response upstream = tracing.exportQuery(caseId(queryId));
        byte[] bytes = upstream.readEntity(byte[].class);
        return Response.ok(bytes, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"contacts-" + queryId + ".csv\"").header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("cases/{id}/notify")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notifyContacts(@PathParam("id") String id, @RestForm("csrf-token") String csrf,
                                   @RestForm("tier") List<String> tiers, @RestForm String language) {
        page.checkCsrf(csrf);
        UUID caseId = caseId(id);
        Forms f = new Forms(config.zone());
        List<String> chosen = new ArrayList<>();
        for (String t : tiers == null ? List.<String>of() : tiers) {
            if ("F1".equals(t) || "F2".equals(t)) {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty()) {
            f.fail("tier", "err_tiers");
        }
        String lang = f.oneOf("language", language, List.of("vi", "en"));
        if (!f.ok()) {
            return Response.status(400).entity(casePage(caseId, emptyFilter(), null, Map.of("formName", "notify"),
                    f.errors(), Map.of(), null)).build();
        }
        try {
            Api.NotificationResult r = tracing.notifyContacts(caseId, Map.of("tiers", chosen, "language", lang == null ? "vi" : lang));
            return Response.seeOther(URI.create("/cases/" + caseId + "?notified=" + r.queued() + "," + r.alreadyNotified()
                    + "," + r.unreachable() + "," + r.outsideJurisdiction() + "#notify")).build();
        } catch (ServiceProblem p) {
            return refused(caseId, "notify", Map.of(), p);
        }
    }

    @POST
    @Path("cases/{id}/contacts/{contactId}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response followUp(@PathParam("id") String id, @PathParam("contactId") String contactId,
                             @RestForm("csrf-token") String csrf, @RestForm String status, @RestForm String note,
                             @RestForm String back) {
        page.checkCsrf(csrf);
        UUID caseId = caseId(id);
        UUID cid = caseId(contactId);
        Forms f = new Forms(config.zone());
        String st = f.oneOf("status", status, FOLLOW_UP);
        if (st == null && f.ok()) {
            f.fail("status", "err_required");
        }
        if (note != null && note.length() > 500) {
            f.fail("note", "err_note");
        }
        if (!f.ok()) {
            return Response.status(400).entity(casePage(caseId, emptyFilter(), null, Map.of("formName", "followup"),
                    f.errors(), Map.of("contactId", contactId), null)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", st);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        try {
            tracing.followUp(caseId, cid, body);
            return Response.seeOther(URI.create("/cases/" + caseId + "?saved=" + cid + safeBack(back) + "#contacts")).build();
        } catch (ServiceProblem p) {
            return refused(caseId, "followup", Map.of("contactId", contactId), p);
        }
    }

    @POST
    @Path("cases/{id}/exposure-sites")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publishSite(@PathParam("id") String id, @RestForm("csrf-token") String csrf, @RestForm String venueId,
                                @RestForm String from, @RestForm String to, @RestForm String advice) {
        page.checkCsrf(csrf);
        UUID caseId = caseId(id);
        Forms f = new Forms(config.zone());
        UUID venue = null;
        try {
            venue = UUID.fromString(f.required("venueId", venueId) == null ? "" : venueId.strip());
        } catch (IllegalArgumentException e) {
            f.fail("venueId", "err_required");
        }
        Instant start = f.localDateTime("siteFrom", from, true);
        Instant end = f.localDateTime("siteTo", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            f.fail("siteTo", "err_order");
        }
        if (advice != null && advice.length() > 500) {
            f.fail("advice", "err_note");
        }
        Map<String, String> form = Map.of("venueId", nz(venueId), "siteFrom", nz(from), "siteTo", nz(to), "advice", nz(advice));
        if (!f.ok()) {
            return Response.status(400).entity(casePage(caseId, emptyFilter(), null, Map.of("formName", "site"),
                    f.errors(), form, null)).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseId", caseId.toString());
        body.put("venueId", venue.toString());
        body.put("from", start.toString());
        body.put("to", end.toString());
        if (advice != null && !advice.isBlank()) {
            body.put("advice", advice.strip());
        }
        try {
            tracing.publishSite(body);
            return Response.seeOther(URI.create("/cases/" + caseId + "?site=1#site")).build();
        } catch (ServiceProblem p) {
            return refused(caseId, "site", form, p);
        }
    }

    /** Takes a published site of the case off the public list (tracing-service decides who may). */
    @POST
    @Path("cases/{id}/exposure-sites/{siteId}/withdraw")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawSite(@PathParam("id") String id, @PathParam("siteId") String siteId,
                                 @RestForm("csrf-token") String csrf) {
        page.checkCsrf(csrf);
        UUID caseId = caseId(id);
        UUID site = caseId(siteId); // a malformed id is a 404, as for a case
        try {
            tracing.withdrawSite(site);
            return Response.seeOther(URI.create("/cases/" + caseId + "?withdrawn=1#site")).build();
        } catch (ServiceProblem p) {
            return refused(caseId, "site", Map.of(), p);
        }
    }

    /**
     * A service's refusal of an action on the case page (4xx): the page again, with the service's reason at that form;
     * a 5xx goes on to the error page.
     */
    private Response refused(UUID caseId, String formName, Map<String, String> form, ServiceProblem p) {
        if (p.status() >= 500) {
            throw p;
        }
        return Response.status(p.status()).entity(casePage(caseId, emptyFilter(), null, Map.of("formName", formName),
                Map.of(), form, p)).build();
    }

    private static String safeBack(String back) {
        // the filter of the table the officer came from, kept (only the known parameters, values encoded)
        if (back == null || back.isBlank() || !back.matches("[A-Za-z0-9=&_%.-]*")) {
            return "";
        }
        return "&" + back;
    }

    private static ContactTable.Filter emptyFilter() {
        return new ContactTable.Filter(null, null, null, null);
    }

    static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    private static List<Integer> parseNotified(String notified) {
        if (notified == null || !notified.matches("\\d{1,7}(,\\d{1,7}){3}")) {
            return null;
        }
        return java.util.Arrays.stream(notified.split(",")).map(Integer::valueOf).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
