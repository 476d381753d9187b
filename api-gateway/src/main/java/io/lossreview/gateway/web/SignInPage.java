package io.lossreview.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sign-in: the person pastes a bearer token from the identity provider (locally, one minted by
 * deploy/local/dev-token.sh). It is verified exactly as API tokens are before it becomes the session.
 */
@Path("/app")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final Template signIn;
    private final JWTParser parser;
    private final Clock clock;

    public SignInPage(@Location("web/sign-in.html") Template signIn, JWTParser parser, Clock clock) {
        this.signIn = signIn;
        this.parser = parser;
        this.clock = clock;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(WebSession.PATH + "/dashboard")).build();
    }

    @GET
    @Path("sign-in")
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("signedOut") boolean signedOut) {
        return signIn.data("next", next).data("error", null).data("signedOut", signedOut);
    }

    @POST
    @Path("sign-in")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam("next") String next) {
        String raw = token == null ? "" : token.strip();
        if (raw.toLowerCase(java.util.Locale.ROOT).startsWith("bearer ")) {
            raw = raw.substring(7).strip();
        }
        if (raw.isEmpty()) {
            return refused(next, "Paste a token first.");
        }
        try {
            JsonWebToken jwt = parser.parse(raw);
            if (jwt.getGroups() == null || jwt.getGroups().isEmpty()) {
                return refused(next, "This token carries no role (its groups claim is empty).");
            }
            Duration left = Duration.between(Instant.now(clock), Instant.ofEpochSecond(jwt.getExpirationTime()));
            return Response.seeOther(WebSession.target(next)).cookie(WebSession.signedIn(raw, left)).build();
        } catch (ParseException e) {
            return refused(next, "This token is not valid here: it is malformed, expired or signed by another issuer.");
        }
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create(WebSession.PATH + "/sign-in?signedOut=true"))
                .cookie(WebSession.signedOut()).build();
    }

    private Response refused(String next, String error) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(signIn.data("next", next).data("error", error).data("signedOut", false)).build();
    }
}
