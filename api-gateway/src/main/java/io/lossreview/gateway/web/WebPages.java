package io.lossreview.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** How the web app answers security failures: sign-in for no session, a plain page for a wrong role. */
@ApplicationScoped
public class WebPages {

    private final Template forbidden;
    private final SecurityIdentity identity;

    public WebPages(@Location("web/forbidden.html") Template forbidden, SecurityIdentity identity) {
        this.forbidden = forbidden;
        this.identity = identity;
    }

    public static boolean isPage(UriInfo uri) {
        return uri.getPath().startsWith(WebSession.PATH + "/") || uri.getPath().equals(WebSession.PATH);
    }

    /**
     * No (or an expired) session on a page: the sign-in's own answer, i.e. the authentication
     * mechanism's challenge (with the identity provider, a redirect to its login page that comes back
     * to this page). Without one (no web tenant), a plain 401.
     */
    public static Uni<Response> toSignIn(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Response.status(401).build());
        }
        return authenticator.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return Response.status(401).build();
            }
            Response.ResponseBuilder answer = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }

    public Response forbidden(UriInfo uri) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(forbidden.data("viewer", Viewer.of(identity, uri.getPath())).render()).build();
    }
}
