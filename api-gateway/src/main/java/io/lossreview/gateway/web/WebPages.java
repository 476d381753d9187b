package io.lossreview.gateway.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    /** No (or an expired) session: sign in, then come back to the page asked for. */
    public static Response toSignIn(UriInfo uri) {
        String back = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create(WebSession.PATH + "/sign-in?next="
                + URLEncoder.encode(back, StandardCharsets.UTF_8))).cookie(WebSession.signedOut()).build();
    }

    public Response forbidden(UriInfo uri) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(forbidden.data("viewer", Viewer.of(identity, uri.getPath())).render()).build();
    }
}
