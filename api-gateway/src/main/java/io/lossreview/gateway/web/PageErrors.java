package io.lossreview.gateway.web;

import io.lossreview.common.problem.Problem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A page request that ended in a problem (a bad month in the path, an unexpected failure, a page that
 * does not exist) is shown as a page with the problem's words and the navigation, never as raw JSON.
 */
public class PageErrors {

    private final Template error;

    public PageErrors(@Location("web/error.html") Template error) {
        this.error = error;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response, RoutingContext http) {
        boolean page = request.getUriInfo().getPath().startsWith(WebSession.PATH);
        if (!page || response.getMediaType() == null || !Problem.MEDIA_TYPE.equals(response.getMediaType().toString())) {
            return;
        }
        Object entity = response.getEntity();
        String detail = entity instanceof Problem p ? p.detail() : "The request could not be completed.";
        response.getHeaders().putSingle("Content-Type", MediaType.TEXT_HTML + ";charset=UTF-8");
        TemplateInstance shown = error.data("status", response.getStatus()).data("detail", detail);
        // The identity the request was authenticated with, read without blocking (this may run on the IO thread).
        if (http != null && http.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            shown = shown.data("viewer", Viewer.of(user.getSecurityIdentity(), ""));
        }
        response.setEntity(shown.render());
    }
}
