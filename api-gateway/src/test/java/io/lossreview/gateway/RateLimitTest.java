package io.lossreview.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over the per-principal limit a caller gets 429 with Retry-After; another caller is not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.FiveAMinute.class)
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class RateLimitTest {

    /** A small limit, so the test reaches it. */
    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.per-minute", "5");
        }
    }

    @Test
    void theSixthRequestInAMinuteIsRefused() {
        String busy = Tokens.of("busy.bee", Roles.OPS);
        // 12 requests fall into at most two one-minute windows, so one window sees 6 or more: a 429 must come.
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 12 && refused == null; i++) {
            var r = given().auth().oauth2(busy).get("/api/v1/months/2026-13/summary");
            refused = r.statusCode() == 429 ? r : null;
        }
        org.junit.jupiter.api.Assertions.assertNotNull(refused, "no 429 within 12 requests at 5 a minute");
        refused.then().contentType("application/problem+json").header("Retry-After", notNullValue());
        given().auth().oauth2(Tokens.of("calm.cat", Roles.OPS)).get("/api/v1/months/2026-13/summary").then().statusCode(400);
    }

    @Test
    void theWebAppSharesTheCallersBudget() {
        String token = Tokens.of("page.turner", Roles.OPS);
        assertRefusedWithin(12, () -> given().redirects().follow(false).auth().oauth2(token)
                .get("/app/review-queue"));
        // Their API calls come out of the same budget (a fresh window may just have begun: then it allows 5 more).
        assertRefusedWithin(6, () -> given().auth().oauth2(token).get("/api/v1/months/2026-13/summary"));
    }

    @Test
    void anonymousCallersUseUpTheirOwnBudgetNotStripes() {
        assertRefusedWithin(12, () -> given().get("/api/v1/months/2026-03/summary"));
        // Stripe's webhook has its own budget: refused for its signature (ingest is down here: 503), never 429.
        for (int i = 0; i < 5; i++) {
            int status = given().header("Stripe-Signature", "t=1,v1=00").body("{}").contentType("application/json")
                    .post("/api/v1/webhooks/stripe").statusCode();
            org.junit.jupiter.api.Assertions.assertNotEquals(429, status);
        }
    }

    private static void assertRefusedWithin(int attempts, java.util.function.Supplier<io.restassured.response.Response> call) {
        for (int i = 0; i < attempts; i++) {
            io.restassured.response.Response r = call.get();
            if (r.statusCode() == 429) {
                // A page shows the problem as a page; the API answers problem+json (theSixthRequestInAMinuteIsRefused).
                r.then().header("Retry-After", notNullValue());
                return;
            }
        }
        org.junit.jupiter.api.Assertions.fail("no 429 within " + attempts + " requests at 5 a minute");
    }
}
