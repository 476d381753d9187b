package io.lossreview.common.problem;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.contracts.InputGuard;
import io.lossreview.contracts.Violation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The input rules of JSON texts (GuardedText) for the path and the query too: no control character,
 * no unpaired surrogate, in any decoded path segment or query parameter. A NUL in an id or a name
 * would otherwise reach PostgreSQL, which refuses it with a 500; here it is a 400 naming the
 * parameter and the rule, before any resource runs.
 */
public class ParameterGuard {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        List<InvalidInput.Violation> found = new ArrayList<>();
        try {
            for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
                add(found, InputGuard.text(segment.getPath(), "path"));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("path", "percent-encoding", "the path is not validly percent-encoded UTF-8");
        }
        Map<String, List<String>> query;
        try {
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("query", "percent-encoding", "the query is not validly percent-encoded UTF-8");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            add(found, InputGuard.text(parameter.getKey(), "query"));
            for (String value : parameter.getValue()) {
                add(found, InputGuard.text(value, parameter.getKey()));
            }
        }
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }

    private static void add(List<InvalidInput.Violation> found, Violation v) {
        if (v != null && found.size() < InputGuard.MAX_VIOLATIONS) {
            found.add(new InvalidInput.Violation(InputGuard.safe(v.pointer(), 200), v.rule(), v.message()));
        }
    }
}
