package io.lossreview.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import io.lossreview.common.error.Conflict;
import io.lossreview.common.error.DependencyUnavailable;
import io.lossreview.common.error.InvalidInput;
import io.lossreview.common.error.NotFound;
import io.lossreview.common.json.GuardedText;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 responses. Internal errors are logged with a
 * reference and answered without any internals, so no stack trace ever reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({ProblemException.class, InvalidInput.class, NotFound.class, Conflict.class,
            DependencyUnavailable.class})
    public Response known(RuntimeException e, UriInfo uri) {
        return respond(problemOf(e).orElseThrow(), uri);
    }

    /**
     * The problem an exception the platform raises on purpose stands for: an edge's ProblemException,
     * or one of the domain's exceptions (io.lossreview.common.error: domain code knows no HTTP; this is
     * where the status is decided). Empty for anything else, which is a bug (500). Also used where a
     * problem is shown rather than answered (the web app's pages) or recorded (the audit log).
     */
    public static java.util.Optional<Problem> problemOf(Throwable e) {
        if (e instanceof ProblemException p) {
            return java.util.Optional.of(p.problem());
        }
        if (e instanceof InvalidInput invalid) {
            ProblemType type = switch (invalid.kind()) {
                case RULE -> ProblemType.VALIDATION;
                case MALFORMED -> ProblemType.MALFORMED_BODY;
                case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            };
            return java.util.Optional.of(new Problem(type.uri(), type.title(), type.status(), invalid.getMessage(), null,
                    invalid.violations().stream().map(v -> new Problem.Violation(v.field(), v.rule(), v.message())).toList()));
        }
        ProblemType type = e instanceof NotFound ? ProblemType.NOT_FOUND
                : e instanceof Conflict ? ProblemType.CONFLICT
                : e instanceof DependencyUnavailable ? ProblemType.UNAVAILABLE : null;
        return java.util.Optional.ofNullable(type).map(t -> simple(t, (RuntimeException) e));
    }

    private static Problem simple(ProblemType type, RuntimeException e) {
        return Problem.of(type, e.getMessage());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<InvalidInput.Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted(Comparator.comparing(InvalidInput.Violation::field))
                .toList();
        return known(new InvalidInput(violations), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pointer(m) : "";
        String message = e.getOriginalMessage();
        if (e instanceof GuardedText.RuleBroken broken) {
            return respond(new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                    broken.field() + ": " + message, null, List.of(new Problem.Violation(broken.field(), broken.rule(), message))), uri);
        }
        Problem p = new Problem(ProblemType.MALFORMED_BODY.uri(), ProblemType.MALFORMED_BODY.title(), 400,
                "The request body is not valid JSON for this endpoint: " + message, null,
                List.of(new Problem.Violation(field, "json", message)));
        return respond(p, uri);
    }

    /**
     * A wrong JSON type or an unknown enum value: named here, or Quarkus' own mapper for this exact
     * type would win over {@link #malformedJson} and answer a bare application/json 400.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        // The JSON reader answers a body it could not map with a bare 400; say which field and rule.
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (status == 400 && c instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        // No route matched: say so in words, not in the framework's ("Unable to find matching target resource method").
        String detail = e instanceof jakarta.ws.rs.NotFoundException ? "There is nothing at " + uri.getPath() + "." : e.getMessage();
        Problem p = new Problem(type.uri(), type.title(), status, detail, null, List.of());
        return respond(p, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        Problem p = new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "An unexpected error occurred; reference " + reference, null, List.of());
        return respond(p, uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem body = uri == null ? problem : problem.withInstance(uri.getPath());
        Response.ResponseBuilder response = Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body);
        if (body.status() == 503) {
            response.header("Retry-After", "30"); // a dependency is down: tell clients when to come back
        }
        return response.build();
    }

    private static InvalidInput.Violation toViolation(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "method.arg0.field" -> "field": clients know parameters by name, not by Java method.
        int dot = path.indexOf('.');
        String field = dot >= 0 && path.indexOf('.', dot + 1) >= 0 ? path.substring(path.indexOf('.', dot + 1) + 1)
                : dot >= 0 ? path.substring(dot + 1) : path;
        String rule = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new InvalidInput.Violation(field, rule, field + " " + v.getMessage());
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            sb.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return sb.toString();
    }
}
