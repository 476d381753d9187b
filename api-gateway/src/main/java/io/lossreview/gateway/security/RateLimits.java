package io.lossreview.gateway.security;

import io.lossreview.common.problem.Problem;
import io.lossreview.common.problem.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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
 * Request limits on the API and the web app alike: a fixed one-minute window per budget. A signed-in
 * caller has a budget of their own (the same one for their pages and their API calls); callers
 * without a token have one per source address, so nobody can use up everybody's; Stripe's webhook,
 * authenticated by its signature, has its own budget and never shares the anonymous ones. Over the
 * limit: 429 problem+json with Retry-After until the next window.
 */
@Singleton
public class RateLimits {

    static final String STRIPE_WEBHOOK = "/api/v1/webhooks/stripe";
    /** More budgets than this and the windows of past minutes are dropped: memory stays bounded. */
    private static final int MAX_BUDGETS = 50_000;

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final int stripePerMinute;
    private final Clock clock;
    private final CurrentIdentityAssociation identities;

    public RateLimits(@ConfigProperty(name = "gateway.rate-limit.per-minute", defaultValue = "600") int perMinute,
                      @ConfigProperty(name = "gateway.rate-limit.stripe-per-minute", defaultValue = "1200") int stripePerMinute,
                      Clock clock, CurrentIdentityAssociation identities) {
        this.perMinute = perMinute;
        this.stripePerMinute = stripePerMinute;
        this.clock = clock;
        this.identities = identities;
    }

    // Pre-matching: before the resource's own security check, so a refused caller is counted too. On
    // the IO thread there, so the caller's identity is awaited, never blocked on.
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") && !path.equals("/app") && !path.startsWith("/app/")) {
            return Uni.createFrom().nullItem();
        }
        if (path.equals(STRIPE_WEBHOOK)) {
            return Uni.createFrom().item(count("stripe-webhook", stripePerMinute, path));
        }
        String anonymous = "anonymous@" + address(http);
        return identities.getDeferredIdentity()
                .map(who -> count(who.isAnonymous() ? anonymous : who.getPrincipal().getName(), perMinute, path))
                // A bad token counts against its address, like no token: refusing it must not be free.
                .onFailure(AuthenticationFailedException.class).recoverWithUni(e -> {
                    Response tooMany = count(anonymous, perMinute, path);
                    return tooMany != null ? Uni.createFrom().item(tooMany) : Uni.createFrom().failure(e);
                });
    }

    /** Counts one request against the budget: null while within it, else the 429. */
    private Response count(String budget, int limit, String path) {
        long now = clock.millis();
        long minute = now / 60_000;
        if (windows.size() > MAX_BUDGETS) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.compute(budget, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.count() + 1));
        if (w.count() <= limit) {
            return null;
        }
        long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
        Problem p = new Problem(ProblemType.TOO_MANY_REQUESTS.uri(), ProblemType.TOO_MANY_REQUESTS.title(), 429,
                "More than " + limit + " requests this minute for " + budget + "; try again in " + retryAfter + " s",
                path, List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(p).header("Retry-After", retryAfter).build();
    }

    /** The caller's address (behind a proxy, the forwarded one only when quarkus.http.proxy says the proxy is trusted). */
    private static String address(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
