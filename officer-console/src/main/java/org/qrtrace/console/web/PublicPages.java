package org.qrtrace.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Pages shown with no one signed in: after sign-out, after an expired session, after a failed sign-in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @Inject
    PageSupport page;

    @Location("public.html")
    Template template;

    @GET
    @Path("signed-out")
    public String signedOut() {
        return page.publicPage(template.data("kind", "signed_out").data("detail", null)).render();
    }

    @GET
    @Path("session-expired")
    public String sessionExpired() {
        return page.publicPage(template.data("kind", "session_expired").data("detail", null)).render();
    }

    @GET
    @Path("sign-in-error")
    public String signInError(@QueryParam("error_description") String description) {
        String d = description == null ? null : description.substring(0, Math.min(200, description.length()));
        return page.publicPage(template.data("kind", "sign_in_error").data("detail", d)).render();
    }
}
