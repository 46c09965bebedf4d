package org.qrtrace.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qrtrace.console.api.ServiceProblem;

import java.util.List;

/**
 * Every failure becomes a readable page in the officer's language (the service's own {@code detail} and field errors
 * when it gave them), never a stack trace or a bare status: a service's 403 says that the case or unit lies outside the
 * officer's jurisdiction, a 404 that there is no such thing, a service that cannot be reached that it is unavailable.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    PageSupport page;

    @Location("error.html")
    Template template;

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblem p) {
        int status = p.status();
        String kind = switch (status) {
            case 400, 422 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            default -> status >= 500 ? "service_error" : "bad_request";
        };
        if (status >= 500) {
            LOG.warnf("a service answered %d: %s", status, p.detail());
        }
        return render(status >= 500 ? 502 : status, kind, p.detail(), p.errors());
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRejected e) {
        return render(403, "csrf", null, List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return render(403, "role", null, List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return render(401, "unauthorized", null, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return render(404, "not_found", null, List.of());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getMessage());
        return render(503, "unreachable", null, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 405 || status == 415 || status == 400 || status == 406) {
            return render(status, "bad_request", null, List.of());
        }
        if (status == 404) {
            return render(404, "not_found", null, List.of());
        }
        LOG.error("request failed", e);
        return render(500, "internal", null, List.of());
    }

    @ServerExceptionMapper
    public Response any(Exception e) {
        if (e.getCause() instanceof ServiceProblem p) {
            return serviceProblem(p);
        }
        if (e.getCause() instanceof java.net.ConnectException) {
            return render(503, "unreachable", null, List.of());
        }
        LOG.error("request failed", e);
        return render(500, "internal", null, List.of());
    }

    private Response render(int status, String kind, String detail, List<ServiceProblem.FieldProblem> errors) {
        String html;
        try {
            html = page.page(template.data("kind", kind).data("status", status).data("detail", detail)
                    .data("fieldErrors", errors), "").render();
        } catch (RuntimeException e) {
            LOG.error("the error page failed", e);
            html = "<!DOCTYPE html><html lang=vi><meta charset=utf-8><title>Lỗi / Error</title><p>Đã có lỗi (" + status
                    + "). Vui lòng thử lại. / Something went wrong (" + status + "). Please try again.</p>";
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }
}
