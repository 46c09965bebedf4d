package org.qrtrace.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.qrtrace.common.error.Conflict;
import org.qrtrace.common.error.DomainException;
import org.qrtrace.common.error.FieldError;
import org.qrtrace.common.error.Gone;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.NotAllowed;
import org.qrtrace.common.error.NotFound;
import org.qrtrace.common.error.RateLimited;
import org.qrtrace.common.error.Unavailable;
import org.qrtrace.common.error.Unprocessable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one mapper of exceptions to RFC 9457 problem+json for all three services. Nothing reaches a client as a stack
 * trace; bad input names the field.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The one place that says what each kind of domain failure is in HTTP. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Status status = statusOf(e);
        return ProblemResponses.of(status.code(), e.title() != null ? e.title() : status.title(), e.getMessage(), path(uri),
                e.errors(), retryAfterSeconds(e));
    }

    /** The Retry-After seconds of a failure the caller may retry (at least 1), or null when it cannot be told. */
    public static Integer retryAfterSeconds(DomainException e) {
        Duration retryAfter = e instanceof RateLimited r ? r.retryAfter() : e instanceof Unavailable u ? u.retryAfter() : null;
        return retryAfter == null ? null : (int) Math.max(1, retryAfter.toSeconds());
    }

    /** A status and its default title. */
    public record Status(int code, String title) {
    }

    public static Status statusOf(DomainException e) {
        if (e instanceof InvalidInput) {
            return new Status(400, "Invalid request");
        } else if (e instanceof NotAllowed) {
            return new Status(403, "Forbidden");
        } else if (e instanceof NotFound) {
            return new Status(404, "Not found");
        } else if (e instanceof Conflict) {
            return new Status(409, "Conflict");
        } else if (e instanceof Gone) {
            return new Status(410, "Gone");
        } else if (e instanceof RateLimited) {
            return new Status(429, "Too many requests");
        } else if (e instanceof Unprocessable) {
            return new Status(422, "Unprocessable request");
        } else if (e instanceof Unavailable) {
            return new Status(503, "Service unavailable");
        }
        throw new IllegalStateException("a domain failure of no known kind: " + e.getClass().getName());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return ProblemResponses.of(400, "Invalid request", describe(errors), path(uri), errors);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response resteasyViolation(io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException e,
                                      UriInfo uri) {
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonProblem(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return ProblemResponses.of(401, "Unauthenticated", "a valid bearer token is required", path(uri), null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return ProblemResponses.of(401, "Unauthenticated", "the bearer token is missing, expired or not signed by a trusted key",
                path(uri), null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "Forbidden", "your role does not allow this", path(uri), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status >= 500 ? "the server could not complete the request" : e.getMessage();
        return ProblemResponses.of(status, title, detail, path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error", e);
        return ProblemResponses.of(500, "Internal error", "the server could not complete the request; quote the "
                + "correlation id when reporting this", path(uri), null);
    }

    private static Response jsonProblem(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : null;
        String message;
        if (e instanceof InvalidFormatException f) {
            message = "cannot read '" + f.getValue() + "' as " + f.getTargetType().getSimpleName();
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + describeType(m.getTargetType());
        } else if (e instanceof JsonMappingException) {
            message = e.getOriginalMessage();
        } else {
            message = "malformed JSON: " + e.getOriginalMessage();
        }
        List<FieldError> errors = field == null || field.isEmpty()
                ? List.of(new FieldError("body", message))
                : List.of(new FieldError(field, message));
        return ProblemResponses.of(400, "Invalid request", describe(errors), path(uri), errors);
    }

    private static String describeType(Class<?> type) {
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a " + type.getSimpleName().toLowerCase();
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** {@code create.request.entrances[0].name} becomes {@code entrances[0].name}; a query parameter keeps its name. */
    static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable()) {
                sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        if (sb.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return sb.toString();
    }

    private static String describe(List<FieldError> errors) {
        return InvalidInput.describe(errors);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
