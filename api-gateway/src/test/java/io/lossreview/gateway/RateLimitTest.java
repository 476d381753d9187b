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
}
