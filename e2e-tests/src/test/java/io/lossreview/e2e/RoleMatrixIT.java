package io.lossreview.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every public route against every role, through the real gateway and services: anonymous is 401,
 * a role the route is not for is 403, and a role it is for gets past security (the service's own
 * answer, never 401/403/5xx). Writes are sent with an invalid id or body, so a role that may write
 * gets a 400 or 404 and nothing changes.
 */
class RoleMatrixIT {

    private static final String BAD = "not-a-uuid";
    private static final String NONE = "00000000-0000-0000-0000-000000000000";
    private static final String M = Platform.MONTH;

    private record Route(String method, String path, String body, Set<String> roles) {
    }

    private static final Set<String> READERS = Set.of("ops", "admin", "executive");
    private static final Set<String> OPS = Set.of("ops", "admin");
    private static final Set<String> ADMIN = Set.of("admin");

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/months/" + M + "/summary", null, READERS),
            new Route("GET", "/months/" + M + "/causes", null, READERS),
            new Route("GET", "/months/" + M + "/breakdown?by=region", null, READERS),
            new Route("GET", "/months/" + M + "/dashboard", null, READERS),
            new Route("GET", "/trends", null, READERS),
            new Route("GET", "/taxonomy", null, READERS),
            new Route("GET", "/defections?size=1", null, OPS),
            new Route("GET", "/defections/" + NONE, null, OPS),
            new Route("PUT", "/defections/" + BAD + "/cause", "{}", OPS),
            new Route("GET", "/review-queue?size=1", null, OPS),
            new Route("GET", "/packets/" + M, null, READERS),
            new Route("GET", "/packets/" + M + ".html", null, READERS),
            new Route("GET", "/packets/" + M + ".pdf", null, READERS),
            new Route("GET", "/packets/" + M + "/revisions", null, READERS),
            new Route("POST", "/packets/2025-13", null, ADMIN),
            new Route("GET", "/executives", null, OPS),
            new Route("PUT", "/executives/Not%20An%20Id", "{}", ADMIN),
            new Route("GET", "/assignments?month=" + M, null, OPS),
            new Route("GET", "/me/assignments", null, Set.of("executive")),
            new Route("GET", "/assignments/" + NONE, null, READERS),
            new Route("PUT", "/assignments/" + BAD + "/outcome", "{}", READERS),
            new Route("POST", "/assignments/" + BAD + "/reassign", "{}", OPS),
            new Route("GET", "/actions", null, READERS),
            new Route("POST", "/actions", "{}", OPS),
            new Route("PUT", "/actions/" + BAD, "{}", OPS),
            new Route("GET", "/rejected-events?size=1", null, OPS),
            new Route("POST", "/rejected-events/" + BAD + "/replay", "{}", OPS),
            new Route("PUT", "/fx-rates", "date,currency,rate\nnot-a-date,EUR,1\n", ADMIN),
            new Route("POST", "/events", "{}", Set.of("source-system")),
            new Route("GET", "/audit?size=1", null, ADMIN));

    @Test
    void everyRouteAnswersEveryRoleAsDocumented() {
        Map<String, String> tokens = Map.of("admin", Platform.ADMIN, "ops", Platform.OPS,
                "executive", Platform.EXECUTIVE, "source-system", Platform.SOURCE_SYSTEM);
        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            check(route, "anonymous", null, 401, wrong);
            tokens.forEach((role, token) -> {
                int status = call(route, token).statusCode();
                boolean allowed = route.roles().contains(role);
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    wrong.add(route.method() + " " + route.path() + " as " + role + ": " + status
                            + (allowed ? " (should get past security)" : " (should be 403)"));
                }
            });
        }
        assertEquals(List.of(), wrong, "routes answering a role wrongly");
    }

    @Test
    void theStripeWebhookNeedsASignatureNotAToken() {
        HttpResponse<String> r = call(new Route("POST", "/webhooks/stripe", "{}", Set.of()), null);
        assertTrue(r.statusCode() != 401 && r.statusCode() != 403, "no token needed: " + r.statusCode());
        assertTrue(r.statusCode() >= 400, "an unsigned event is refused: " + r.statusCode() + " " + r.body());
    }

    private static void check(Route route, String who, String token, int expected, List<String> wrong) {
        HttpResponse<String> r = call(route, token);
        if (r.statusCode() != expected) {
            wrong.add(route.method() + " " + route.path() + " as " + who + ": " + r.statusCode() + " (should be " + expected + ")");
        } else if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(route.method() + " " + route.path() + " as " + who + ": not problem+json");
        }
    }

    private static HttpResponse<String> call(Route route, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/v1" + route.path()))
                .method(route.method(), route.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(route.body()))
                .header("Content-Type", route.path().equals("/fx-rates") ? "text/csv"
                        : route.path().equals("/events") ? "application/cloudevents+json" : "application/json");
        return Platform.send(token, request);
    }
}
