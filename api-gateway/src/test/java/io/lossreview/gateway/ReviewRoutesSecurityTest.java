package io.lossreview.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every review route × role: 401 anonymous, 403 for a role without access, else through to the (down) scheduler: 503. */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class ReviewRoutesSecurityTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final Set<String> READERS = Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE);
    private static final Set<String> OPS = Set.of(Roles.OPS, Roles.ADMIN);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final List<String> ALL = List.of(Roles.ADMIN, Roles.OPS, Roles.EXECUTIVE, Roles.SOURCE_SYSTEM);

    /** method, path, body (null: none), roles allowed */
    private record Route(String method, String path, String body, Set<String> allowed) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/v1/packets/2026-03", null, READERS),
            new Route("GET", "/api/v1/packets/2026-03.html", null, READERS),
            new Route("GET", "/api/v1/packets/2026-03.pdf", null, READERS),
            new Route("GET", "/api/v1/packets/2026-03/revisions", null, READERS),
            new Route("POST", "/api/v1/packets/2026-03", null, ADMIN),
            new Route("GET", "/api/v1/executives", null, OPS),
            new Route("PUT", "/api/v1/executives/ava", "{\"name\":\"Ava\",\"email\":\"ava@example.com\"}", ADMIN),
            new Route("GET", "/api/v1/assignments?month=2026-03", null, OPS),
            new Route("GET", "/api/v1/me/assignments", null, Set.of(Roles.EXECUTIVE)),
            new Route("GET", "/api/v1/assignments/" + ID, null, READERS),
            new Route("PUT", "/api/v1/assignments/" + ID + "/outcome", "{\"outcome\":\"REACHED\"}", READERS),
            new Route("POST", "/api/v1/assignments/" + ID + "/reassign", "{\"executiveId\":\"ben\"}", OPS),
            new Route("GET", "/api/v1/actions", null, READERS),
            new Route("POST", "/api/v1/actions", "{}", OPS),
            new Route("PUT", "/api/v1/actions/" + ID, "{}", OPS));

    @Test
    void everyReviewRouteAndRole() {
        for (Route r : ROUTES) {
            request(null, r).then().statusCode(401);
            for (String role : ALL) {
                int expected = r.allowed().contains(role) ? 503 : 403;
                request(role, r).then().statusCode(expected).contentType("application/problem+json");
            }
        }
    }

    @Test
    void nonsenseIsRefusedBeforeAnyCall() {
        given().auth().oauth2(Tokens.of("o", Roles.OPS)).get("/api/v1/packets/march").then().statusCode(400)
                .body("violations[0].field", equalTo("month"));
        given().auth().oauth2(Tokens.of("o", Roles.OPS)).get("/api/v1/packets/2026-03.pdf?paper=a3").then()
                .statusCode(400).body("violations[0].field", equalTo("paper"));
    }

    private static io.restassured.response.Response request(String role, Route r) {
        var spec = role == null ? given() : given().auth().oauth2(Tokens.of("user-" + role, role));
        if (r.body() != null) {
            spec = spec.contentType("application/json").body(r.body());
        }
        return spec.request(r.method(), r.path());
    }
}
