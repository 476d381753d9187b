package io.lossreview.common.security;

import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A missing or refused token (401) and a refused role (403) as RFC 9457 problems, like every other
 * error. The reason a token was refused is not told: it would help whoever forges one. A service
 * with its own sign-in (the api-gateway's web app) maps these exceptions itself, at a higher priority; Quarkus' own mappers (which answer with an empty body) have a lower one.
 */
public class AuthProblems {

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = Priorities.USER)
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return problem(ProblemType.UNAUTHORIZED, "A valid bearer token for this service is required", uri)
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper(priority = Priorities.USER)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ProblemType.FORBIDDEN, "This caller may not do this", uri).build();
    }

    private static Response.ResponseBuilder problem(ProblemType type, String detail, UriInfo uri) {
        Problem p = Problem.of(type, detail).withInstance(uri.getPath());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(p);
    }
}
