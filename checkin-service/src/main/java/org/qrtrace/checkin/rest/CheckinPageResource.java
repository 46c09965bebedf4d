package org.qrtrace.checkin.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qrtrace.checkin.domain.CheckinPoint;
import org.qrtrace.checkin.domain.QrCodeRefused;
import org.qrtrace.checkin.service.CheckinCommand;
import org.qrtrace.checkin.service.CheckinService;
import org.qrtrace.checkin.service.CheckoutService;
import org.qrtrace.checkin.service.Failures;
import org.qrtrace.common.error.Conflict;
import org.qrtrace.common.error.DomainException;
import org.qrtrace.common.error.InvalidInput;
import org.qrtrace.common.error.NotFound;
import org.qrtrace.common.error.RateLimited;
import org.qrtrace.common.error.Unavailable;
import org.qrtrace.common.problem.ProblemMappers;
import org.qrtrace.events.CheckedIn;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The page a phone camera opens from a QR poster ({@code /c/{token}}), its form post and the check-out button. Plain
 * HTML forms: works without JavaScript. Every failure is a friendly page in the visitor's language, never JSON.
 */
@Path("/c")
@Tag(name = "check-in-page", description = "The HTML page a QR poster opens, its form post and its check-out button, "
        + "for visitors' phones (no app, no JavaScript needed).")
@Produces(MediaType.TEXT_HTML)
public class CheckinPageResource {

    private static final java.util.regex.Pattern RENDERED_KEY = java.util.regex.Pattern.compile("[0-9a-f-]{36}");

    private final CheckinService checkins;
    private final CheckoutService checkouts;
    private final CheckinPages pages;

    @Inject
    public CheckinPageResource(CheckinService checkins, CheckoutService checkouts, CheckinPages pages) {
        this.checkins = checkins;
        this.checkouts = checkouts;
        this.pages = pages;
    }

    @GET
    @Path("/{token}")
    @Blocking
    @Operation(operationId = "showCheckinPage", summary = "The check-in page of a QR code",
            description = "The check-in form of the venue or entrance the token names (HTML, Vietnamese by default, "
                    + "English by Accept-Language or lang=en), or a page saying why the code is refused. Public.")
    public Response page(@PathParam("token") String token, @QueryParam("lang") String langParam,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Context ContainerRequestContext request) {
        String lang = PageText.choose(langParam, acceptLanguage);
        String nonce = SecurityHeaders.nonce(request);
        try {
            CheckinPoint point = checkins.describe(token);
            return html(200, pages.form(lang, nonce, point, CheckinPages.FormState.empty(UUID.randomUUID().toString())));
        } catch (DomainException e) {
            return refusedPage(lang, nonce, e);
        }
    }

    @POST
    @Path("/{token}")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "submitCheckinForm", summary = "Post the check-in form",
            description = "The check-in form's post: the success page (with the check-out button), or the form again "
                    + "saying what to fix. Public.")
    public Uni<Response> submit(@PathParam("token") String token, @FormParam("lang") String langParam,
                                @FormParam("idem") String idem, @FormParam("phone") String phone,
                                @FormParam("name") String name, @FormParam("symptoms") List<String> symptoms,
                                @FormParam("travelledFrom") String travelledFrom,
                                @FormParam("contactWithCase") String contact, @FormParam("depName") List<String> depNames,
                                @FormParam("depPhone") List<String> depPhones, @FormParam("consent") String consent,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                @Context ContainerRequestContext request, @Context HttpServerRequest http) {
        String lang = PageText.choose(langParam, acceptLanguage);
        String nonce = SecurityHeaders.nonce(request);
        // the page's own hidden key; anything else (a hand-made post) gets a fresh one
        String key = idem != null && RENDERED_KEY.matcher(idem).matches() ? idem : UUID.randomUUID().toString();
        CheckinPages.FormState state = new CheckinPages.FormState(key, phone, name, symptoms, travelledFrom, contact,
                depNames, depPhones, List.of(), false, false);
        CheckinPoint point;
        try {
            point = checkins.describe(token);
        } catch (DomainException e) {
            return Uni.createFrom().item(refusedPage(lang, nonce, e));
        }
        if (consent == null) {
            return Uni.createFrom().item(html(400, pages.form(lang, nonce, point, state.withConsentMissing())));
        }
        List<CheckinCommand.DependantInput> dependants = new ArrayList<>();
        for (int i = 0; i < Math.max(size(depNames), size(depPhones)); i++) {
            String dn = i < size(depNames) ? depNames.get(i) : null;
            String dp = i < size(depPhones) ? depPhones.get(i) : null;
            if ((dn != null && !dn.isBlank()) || (dp != null && !dp.isBlank())) {
                dependants.add(new CheckinCommand.DependantInput(dn, dp));
            }
        }
        Boolean contactWithCase = "yes".equals(contact) ? Boolean.TRUE : "no".equals(contact) ? Boolean.FALSE : null;
        CheckedIn.Declaration declaration = new CheckedIn.Declaration(symptoms, travelledFrom, contactWithCase);
        CheckinCommand command = new CheckinCommand(token, phone, name, declaration, dependants, key,
                CheckedIn.Source.WEB, ClientAddress.of(http));
        try {
            return Uni.createFrom().completionStage(checkins.checkIn(command))
                    .map(o -> html(200, pages.success(lang, nonce, o.receipt())))
                    .onFailure().recoverWithItem(error -> failurePage(lang, nonce, point, state, Failures.unwrap(error)));
        } catch (DomainException e) {
            return Uni.createFrom().item(failurePage(lang, nonce, point, state, e));
        }
    }

    @POST
    @Path("/out/{checkinId}")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "submitCheckoutButton", summary = "Post the check-out button",
            description = "The success page's check-out button (form field k, the visit's check-out secret); a page "
                    + "saying the visit ended, or why not. For the holder of the link.")
    public Uni<Response> checkOut(@PathParam("checkinId") String checkinId, @FormParam("k") String secret,
                                  @FormParam("lang") String langParam, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                  @Context ContainerRequestContext request) {
        String lang = PageText.choose(langParam, acceptLanguage);
        String nonce = SecurityHeaders.nonce(request);
        UUID id;
        try {
            id = UUID.fromString(checkinId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(html(404, pages.message(lang, nonce, "error_link")));
        }
        try {
            return Uni.createFrom().completionStage(checkouts.checkOut(id, secret))
                    .map(r -> html(200, pages.checkedOut(lang, nonce, r.checkinId(), r.checkedOutAt())))
                    .onFailure().recoverWithItem(error -> checkoutFailure(lang, nonce, Failures.unwrap(error)));
        } catch (DomainException e) {
            return Uni.createFrom().item(checkoutFailure(lang, nonce, e));
        }
    }

    /** The page of a refused code, in the visitor's language; the status is the API's (no Retry-After here). */
    private Response refusedPage(String lang, String nonce, DomainException error) {
        if (!(error instanceof QrCodeRefused refused)) {
            throw error;
        }
        return html(ProblemMappers.statusOf(error).code(), pages.tokenError(lang, nonce, refused.rejection()));
    }

    private Response failurePage(String lang, String nonce, CheckinPoint point, CheckinPages.FormState state, Throwable error) {
        // a refused code first: an invalid one is also invalid input, a venue not known yet is also unavailable
        if (error instanceof QrCodeRefused) {
            return refusedPage(lang, nonce, (DomainException) error);
        } else if (error instanceof InvalidInput invalid) { // InvalidVisitor, IdempotencyKeyReused: the form, saying what to fix
            return html(400, pages.form(lang, nonce, point, state.withErrors(invalid.errors())));
        } else if (error instanceof RateLimited limited) { // TooManyCheckins
            Integer seconds = ProblemMappers.retryAfterSeconds(limited);
            return withRetryAfter(html(429, pages.rateLimited(lang, nonce, seconds)), seconds);
        } else if (error instanceof Unavailable unavailable) { // RecordingUnavailable: the form again, to send once more
            return withRetryAfter(html(503, pages.form(lang, nonce, point, state.withUnavailable())),
                    ProblemMappers.retryAfterSeconds(unavailable));
        } else if (error instanceof DomainException other) {
            return html(ProblemMappers.statusOf(other).code(), pages.message(lang, nonce, "error_unavailable"));
        }
        throw error instanceof RuntimeException r ? r : new IllegalStateException(error);
    }

    private Response checkoutFailure(String lang, String nonce, Throwable error) {
        if (error instanceof NotFound || error instanceof InvalidInput) { // UnknownCheckoutLink
            return html(404, pages.message(lang, nonce, "error_link"));
        } else if (error instanceof Conflict) { // VisitAlreadyEnded
            return html(409, pages.message(lang, nonce, "error_ended"));
        } else if (error instanceof Unavailable unavailable) { // RecordingUnavailable
            return withRetryAfter(html(503, pages.message(lang, nonce, "error_unavailable")), ProblemMappers.retryAfterSeconds(unavailable));
        } else if (error instanceof DomainException other) {
            return html(ProblemMappers.statusOf(other).code(), pages.message(lang, nonce, "error_unavailable"));
        }
        throw error instanceof RuntimeException r ? r : new IllegalStateException(error);
    }

    private static Response withRetryAfter(Response response, Integer seconds) {
        return seconds == null ? response : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }
}
