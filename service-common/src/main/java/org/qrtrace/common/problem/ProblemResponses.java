package org.qrtrace.common.problem;

import org.qrtrace.common.error.FieldError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;
import org.qrtrace.common.http.CorrelationIdFilter;

import java.util.List;

/** Builds problem+json responses; the one place that knows their shape. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String title, String detail, String instance, List<FieldError> errors) {
        return of(status, title, detail, instance, errors, null);
    }

    public static Response of(int status, String title, String detail, String instance, List<FieldError> errors,
                              Integer retryAfterSeconds) {
        Object correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        Problem problem = new Problem(typeFor(status), title, status, detail, instance,
                correlationId == null ? null : correlationId.toString(),
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfterSeconds != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** Problem types are documented pages in docs/errors.md, one anchor per status class. */
    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "https://qrtrace.org/problems/invalid-request";
            case 401 -> "https://qrtrace.org/problems/unauthenticated";
            case 403 -> "https://qrtrace.org/problems/forbidden";
            case 404 -> "https://qrtrace.org/problems/not-found";
            case 409 -> "https://qrtrace.org/problems/conflict";
            case 413 -> "https://qrtrace.org/problems/too-large";
            case 429 -> "https://qrtrace.org/problems/rate-limited";
            case 503 -> "https://qrtrace.org/problems/unavailable";
            default -> "about:blank";
        };
    }
}
