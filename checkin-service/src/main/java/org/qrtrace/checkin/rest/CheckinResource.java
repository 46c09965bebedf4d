package org.qrtrace.checkin.rest;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.checkin.domain.CheckinOutcome;
import org.qrtrace.checkin.service.CheckinCommand;
import org.qrtrace.checkin.service.CheckinService;
import org.qrtrace.events.CheckedIn;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Anonymous visitors' check-ins by API (apps, kiosks). The web page posts to {@link CheckinPageResource}.
 *
 * <p>A check-in runs on the event loop that received it: it only computes (cached code check, phone, HMAC, sealing)
 * and hands the event to the producer, and the answer is written when Kafka acknowledges. Handing every check-in to a
 * worker thread cost ~30 % of this service's CPU (docs/benchmarks.md). The rare check-in that may block, a code signed
 * by a key not fetched yet, or the first ones before the producer knows the topic, runs on a worker instead.
 */
@Path("/api/v1/checkins")
@Tag(name = "check-ins", description = "Visitors' check-ins by API (apps, kiosks).")
public class CheckinResource {

    private final CheckinService service;

    @Inject
    public CheckinResource(CheckinService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkIn", summary = "Check in with a venue's QR token",
            description = "201 for a new visit, 200 for the same visit within the duplicate window; answered only "
                    + "after Kafka acknowledged; 503 with Retry-After when it cannot. An Idempotency-Key makes a retry "
                    + "the same check-in. Public.")
    @APIResponse(responseCode = "201", description = "a new visit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckinResponse.class)))
    @APIResponse(responseCode = "200", description = "the same visit within the duplicate window",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckinResponse.class)))
    public CompletionStage<Response> checkIn(@Valid @NotNull CheckinRequest request,
                                             @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServerRequest http) {
        CheckedIn.Declaration declaration = request.declaration() == null ? null : new CheckedIn.Declaration(
                request.declaration().symptoms(), request.declaration().travelledFrom(), request.declaration().contactWithCase());
        List<CheckinCommand.DependantInput> dependants = request.dependants() == null ? List.of()
                : request.dependants().stream()
                .map(d -> d == null ? null : new CheckinCommand.DependantInput(d.name(), d.phone())).toList();
        CheckinCommand command = new CheckinCommand(request.token(), request.phone(), request.name(), declaration,
                dependants, idempotencyKey, CheckedIn.Source.API, ClientAddress.of(http));
        CompletionStage<CheckinOutcome> outcome = service.mayBlock(command)
                ? CompletableFuture.supplyAsync(() -> service.checkIn(command), Infrastructure.getDefaultWorkerPool()).thenCompose(o -> o)
                : service.checkIn(command);
        return outcome.thenApply(o -> Response.status(o.newVisit() ? 201 : 200).entity(CheckinResponse.of(o.receipt())).build());
    }
}
