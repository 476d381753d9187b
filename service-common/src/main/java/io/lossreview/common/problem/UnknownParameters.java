package io.lossreview.common.problem;

import io.lossreview.common.error.InvalidInput;
import io.lossreview.contracts.InputGuard;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the route does not take is a 400, not silently ignored: {@code ?customerId=} on a
 * route without it would otherwise answer something else than what was asked (the largest losses
 * instead of one customer's). The names a route takes are its method's {@code @QueryParam}s.
 */
public class UnknownParameters {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(ForeignParameters.class)) {
            return;
        }
        Set<String> takes = known.computeIfAbsent(method, UnknownParameters::queryParameters);
        for (String name : request.getUriInfo().getQueryParameters(true).keySet()) {
            if (!takes.contains(name)) {
                throw new InvalidInput(InputGuard.safe(name, 100), "unknown-parameter", takes.isEmpty()
                        ? "this route takes no query parameter"
                        : "this route takes only the query parameters " + String.join(", ", takes));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            RestQuery rest = p.getAnnotation(RestQuery.class);
            if (query != null) {
                names.add(query.value());
            } else if (rest != null) {
                names.add(rest.value().isEmpty() ? p.getName() : rest.value());
            }
        }
        return names;
    }
}
