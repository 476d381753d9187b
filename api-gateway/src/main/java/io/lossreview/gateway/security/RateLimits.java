package io.lossreview.gateway.security;

import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-principal request limit on /api/v1: a fixed one-minute window per caller (anonymous callers
 * share one). Over the limit: 429 problem+json with Retry-After until the next window.
 */
@Singleton
public class RateLimits {

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;
    private final SecurityIdentity identity;

    public RateLimits(@ConfigProperty(name = "gateway.rate-limit.per-minute", defaultValue = "600") int perMinute,
                      Clock clock, SecurityIdentity identity) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String who = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        long now = clock.millis();
        long minute = now / 60_000;
        Window w = windows.compute(who, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (w.count() <= perMinute) {
            return null;
        }
        long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
        Problem p = new Problem(ProblemType.TOO_MANY_REQUESTS.uri(), ProblemType.TOO_MANY_REQUESTS.title(), 429,
                "More than " + perMinute + " requests this minute for " + who + "; try again in " + retryAfter + " s",
                request.getUriInfo().getPath(), List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(p).header("Retry-After", retryAfter).build();
    }
}
