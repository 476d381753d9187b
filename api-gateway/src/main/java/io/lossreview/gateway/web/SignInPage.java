package io.lossreview.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.lossreview.common.problem.ForeignParameters;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Signing in and out happens at the identity provider (OpenID Connect, the "web" tenant): a page
 * asked for without a session sends the person to its login page and back. These routes only give
 * that flow its addresses: /app/sign-in (sign in, then go to next), /app/sign-out (the OIDC logout
 * path: the identity provider's session ends too) and /app/signed-out, where it ends.
 */
@Path("/app")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final Template signedOut;

    public SignInPage(@Location("web/signed-out.html") Template signedOut) {
        this.signedOut = signedOut;
    }

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create(WebSession.PATH + "/dashboard")).build();
    }

    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn(@QueryParam("next") String next) {
        return Response.seeOther(WebSession.target(next)).build();
    }

    /**
     * With the identity provider, its logout answers first (quarkus.oidc.web.logout.path) and ends its
     * session too; this is the rest. A link, not a form: the CSP's form-action would stop a form's
     * redirect to the identity provider.
     */
    @GET
    @Path("sign-out")
    @Authenticated
    public Response signOut() {
        return Response.seeOther(URI.create(WebSession.PATH + "/signed-out")).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    @ForeignParameters("the identity provider's logout, which comes back here with its state")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
