package org.qrtrace.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.qrtrace.common.problem.Problem;
import org.qrtrace.events.EventCodec;

import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.UUID;

/**
 * Errors raised by the HTTP layer before a request reaches a resource (body over the size limit, malformed request
 * line) are problem+json too, like every other error.
 */
@ApplicationScoped
public class HttpErrorHandlers {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        // The HTTP layer answers an oversized body with a bare 413 before any handler runs; a declared length over the
        // limit is answered here first, as problem+json.
        maxBodySize.ifPresent(limit -> router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                    && Long.parseLong(length) > limit.asLongValue()) {
                write(ctx, 413, "Payload too large", "the request body exceeds the limit of " + limit.asLongValue() + " bytes");
                return;
            }
            ctx.next();
        }));
        router.errorHandler(413, ctx -> write(ctx, 413, "Payload too large", "the request body exceeds the size limit"));
        router.errorHandler(400, ctx -> write(ctx, 400, "Invalid request", "the request could not be read"));
        router.errorHandler(405, ctx -> write(ctx, 405, "Method not allowed", "this method is not allowed here"));
    }

    private static void write(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        String correlationId = ctx.request().getHeader(CorrelationIdFilter.HEADER);
        if (correlationId == null || correlationId.length() > 64) {
            correlationId = UUID.randomUUID().toString();
        }
        Problem problem = new Problem("about:blank", title, status, detail, ctx.request().path(), correlationId, null);
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(CorrelationIdFilter.HEADER, correlationId)
                    .end(EventCodec.mapper().writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
