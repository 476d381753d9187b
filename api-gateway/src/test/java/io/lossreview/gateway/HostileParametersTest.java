package io.lossreview.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the red team's inputs got as 500s are 400 problems naming the parameter and the rule (or, for sign-in, a safe page). */
@QuarkusTest
@TestProfile(HostileParametersTest.NoRateLimit.class)
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class HostileParametersTest {

    /** Thousands of requests in a minute: the rate limit would answer most of them. */
    public static class NoRateLimit implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("gateway.rate-limit.per-minute", "1000000");
        }
    }

    @Test
    void controlCharactersInTheQueryOrPathAreA400() {
        String admin = Tokens.of("admin.ada", Roles.ADMIN);
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/audit?principal=a%00b").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("principal")).body("violations.rule", hasItem("control-character"));
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/assignments/ab%00cd").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("path"));
        given().auth().oauth2(admin).urlEncodingEnabled(false).get("/api/v1/executives/x%01y").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aParameterTheRouteDoesNotTakeIsA400NotIgnored() {
        String ops = Tokens.of("ops.olga", Roles.OPS);
        given().auth().oauth2(ops).get("/api/v1/defections?customerId=cus_1").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("customerId"))
                .body("violations[0].rule", equalTo("unknown-parameter"));
        given().auth().oauth2(ops).get("/api/v1/months/2026-03/summary?rankBy=arr").then().statusCode(400)
                .body("violations[0].field", equalTo("rankBy"));
        // The identity provider's logout comes back with parameters of its own: that page lets them through.
        given().get("/app/signed-out?state=b5e1f&iss=https%3A%2F%2Fidp.example").then().statusCode(200);
    }

    @Test
    void aPageThatDoesNotExistIsAPageWithTheNavigation() {
        String html = given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get("/app/no-such-page").then().statusCode(404)
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        assertTrue(html.contains("Not found") && html.contains("There is nothing at /app/no-such-page."), html);
        assertTrue(html.contains("href=\"/app/dashboard\""), "the navigation");
        given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get("/api/v1/no-such-route").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("There is nothing at /api/v1/no-such-route."));
    }

    @Test
    void aMonthThatHasNotEndedIsBuiltOnlyWhenConfirmed() {
        String current = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        String html = given().auth().oauth2(Tokens.of("admin.ada", Roles.ADMIN)).contentType("application/x-www-form-urlencoded")
                .post("/app/packets/" + current + "/build").then().statusCode(409).extract().asString();
        assertTrue(html.contains("has not ended: confirm that you want to freeze its figures"), html);
    }

    @Test
    void monthsBefore2000AreRefused() {
        given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get("/api/v1/months/0000-01/summary").then()
                .statusCode(400).body("violations[0].rule", equalTo("from-2000-01"));
    }

    @Test
    void aSignInTargetThatIsNoPageGoesToTheDashboard() {
        given().redirects().follow(false).auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).urlEncodingEnabled(false)
                .get("/app/sign-in?next=/app/%20x").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/app/dashboard"));
        given().redirects().follow(false).auth().oauth2(Tokens.of("ops.olga", Roles.OPS))
                .get("/app/sign-in?next=/app/actions").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/app/actions"));
    }

    @Test
    void thousandsOfFuzzedParametersNeverMakeA500() {
        String ops = Tokens.of("ops.fuzz", Roles.OPS);
        String[] routes = {"/api/v1/months/%s/summary", "/api/v1/months/2026-03/causes?rankBy=%s",
                "/api/v1/months/2026-03/breakdown?by=%s", "/api/v1/defections?month=%s", "/api/v1/assignments/%s",
                "/api/v1/trends?from=%s", "/api/v1/packets/%s", "/api/v1/review-queue?month=%s"};
        Random random = new Random(15);
        for (int i = 0; i < 2000; i++) {
            String value = fuzz(random);
            String path = String.format(routes[i % routes.length], value);
            int status = given().auth().oauth2(ops).urlEncodingEnabled(false).get(path).statusCode();
            // The internal services are down in this test: a valid request ends in 503; nothing may be a 500.
            assertTrue(status < 500 || status == 503, path + " answered " + status);
        }
    }

    /** A percent-encoded value: control characters, surrogate halves, long runs, quotes, dates that almost parse. */
    private static String fuzz(Random random) {
        String[] seeds = {"%00", "%0A", "%1F", "%ED%A0%80", "%F0%9F%98%80", "2026-13", "0000-01", "9999-12", "-1", "%27",
                "%22%3E%3Cscript%3E", "..%2F..", "%25", "NaN", "1e309", "2026-02-30", "%C0%AF", "+99999-12-31"};
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(4);
        for (int p = 0; p < parts; p++) {
            b.append(random.nextInt(4) == 0 ? "a".repeat(random.nextInt(300)) : seeds[random.nextInt(seeds.length)]);
        }
        return b.toString();
    }
}
