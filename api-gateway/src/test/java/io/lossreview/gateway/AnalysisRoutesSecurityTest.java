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
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every analysis route × role: anonymous 401, a role without access 403, an allowed role gets
 * through (here to an analyzer that is down: 503 problem with Retry-After, never a stack trace).
 */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class AnalysisRoutesSecurityTest {

    private static final String ID = UUID.randomUUID().toString();
    /** route -> roles allowed */
    private static final Map<String, Set<String>> READS = Map.ofEntries(
            Map.entry("/api/v1/months/2026-03/dashboard", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/months/2026-03/causes", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/months/2026-03/summary", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/months/2026-03/base", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/months/2026-03/breakdown?by=region", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/trends", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/taxonomy", Set.of(Roles.OPS, Roles.ADMIN, Roles.EXECUTIVE)),
            Map.entry("/api/v1/defections", Set.of(Roles.OPS, Roles.ADMIN)),
            Map.entry("/api/v1/defections/" + ID, Set.of(Roles.OPS, Roles.ADMIN)),
            Map.entry("/api/v1/review-queue", Set.of(Roles.OPS, Roles.ADMIN)),
            Map.entry("/api/v1/classifier", Set.of(Roles.OPS, Roles.ADMIN)));
    private static final List<String> ALL = List.of(Roles.ADMIN, Roles.OPS, Roles.EXECUTIVE, Roles.SOURCE_SYSTEM);

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.of("user-" + role, role));
    }

    @Test
    void everyReadRouteAndRole() {
        READS.forEach((route, allowed) -> {
            given().get(route).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:lossreview:problem:unauthorized"));
            for (String role : ALL) {
                if (allowed.contains(role)) {
                    as(role).get(route).then().statusCode(503).header("Retry-After", "30")
                            .body("detail", org.hamcrest.Matchers.endsWith("is not available right now; try again shortly"));
                } else {
                    as(role).get(route).then().statusCode(403).contentType("application/problem+json");
                }
            }
        });
    }

    @Test
    void theCauseChangeRoute() {
        String route = "/api/v1/defections/" + ID + "/cause";
        given().contentType("application/json").body("{\"cause\":\"PRICE\"}").put(route).then().statusCode(401);
        for (String role : ALL) {
            int expected = role.equals(Roles.OPS) || role.equals(Roles.ADMIN) ? 503 : 403;
            as(role).contentType("application/json").body("{\"cause\":\"PRICE\"}").put(route).then().statusCode(expected);
        }
    }

    /** Choosing the classifier's model is an admin's alone. */
    @Test
    void theModelChoiceRoute() {
        String route = "/api/v1/classifier/active";
        given().contentType("application/json").body("{\"automatic\":true}").put(route).then().statusCode(401);
        for (String role : ALL) {
            int expected = role.equals(Roles.ADMIN) ? 503 : 403;
            as(role).contentType("application/json").body("{\"automatic\":true}").put(route).then().statusCode(expected);
        }
    }

    @Test
    void badTokensAndNonsenseParametersAreProblemsToo() {
        given().auth().oauth2("not-a-jwt").get("/api/v1/trends").then().statusCode(401);
        as(Roles.OPS).get("/api/v1/months/2026-3/summary").then().statusCode(400)
                .body("violations[0].field", equalTo("month"));
        as(Roles.OPS).get("/api/v1/months/2026-03/causes?rankBy=luck").then().statusCode(400)
                .body("violations[0].rule", equalTo("one-of"));
        as(Roles.OPS).get("/api/v1/defections/123").then().statusCode(400).body("violations[0].rule", equalTo("uuid"));
    }
}
