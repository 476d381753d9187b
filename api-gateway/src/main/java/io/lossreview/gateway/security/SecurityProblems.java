package io.lossreview.gateway.security;

import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemType;
import io.lossreview.gateway.web.WebPages;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as RFC 9457 problems, like every other error of the API; on the web app's pages a
 * missing or expired session goes to the sign-in, and a page the role may not open says so in HTML.
 */
public class SecurityProblems {

    /** Before service-common's AuthProblems, which answer 401 and 403 for the internal services. */
    private static final int BEFORE_COMMON = Priorities.USER - 1;

    private final WebPages pages;

    public SecurityProblems(WebPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class}, priority = BEFORE_COMMON)
    public Uni<Response> unauthorized(RuntimeException e, UriInfo uri, RoutingContext context) {
        if (WebPages.isPage(uri)) {
            return WebPages.toSignIn(context);
        }
        return Uni.createFrom().item(problem(ProblemType.UNAUTHORIZED, "A valid bearer token is required", uri)
                .header("WWW-Authenticate", "Bearer").build());
    }

    @ServerExceptionMapper(priority = BEFORE_COMMON)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (WebPages.isPage(uri)) {
            return pages.forbidden(uri);
        }
        return problem(ProblemType.FORBIDDEN, "Your role does not allow this", uri).build();
    }

    private static Response.ResponseBuilder problem(ProblemType type, String detail, UriInfo uri) {
        Problem p = Problem.of(type, detail).withInstance(uri.getPath());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(p);
    }
}
