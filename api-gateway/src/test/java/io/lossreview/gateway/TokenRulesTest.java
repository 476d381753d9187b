package io.lossreview.gateway;

import static io.restassured.RestAssured.given;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What makes an API token acceptable besides its signature: issued for this API (aud), used within
 * an hour of being issued, carried in the Authorization header (never a cookie). A path that answers
 * 400 to an acceptable token shows each refusal is the token's, not the request's.
 */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class TokenRulesTest {

    private static final String PATH = "/api/v1/months/2026-13/summary";

    @Test
    void anAcceptableTokenReachesTheRoute() {
        given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get(PATH).then().statusCode(400);
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() {
        given().auth().oauth2(Tokens.claims("ops.olga", Roles.OPS).audience("other-app").sign()).get(PATH).then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.claims("ops.olga", Roles.OPS).audience(java.util.Set.of()).sign()).get(PATH).then()
                .statusCode(401);
    }

    @Test
    void aLongLivedTokenIsRefusedAnHourAfterItWasIssued() {
        Instant twoHoursAgo = Instant.now().minusSeconds(7200);
        String hundredYears = Tokens.claims("ops.olga", Roles.OPS).issuedAt(twoHoursAgo)
                .expiresAt(twoHoursAgo.plusSeconds(100L * 365 * 24 * 3600)).sign();
        given().auth().oauth2(hundredYears).get(PATH).then().statusCode(401);
    }

    @Test
    void theApiTakesNoCookie() {
        String token = Tokens.of("ops.olga", Roles.OPS);
        given().cookie("loss_review_token", token).cookie("q_session", token).get(PATH).then().statusCode(401);
        // A bad bearer header is refused even with a good token in a cookie beside it.
        given().header("Authorization", "Bearer not-a-token").cookie("q_session", token).get(PATH).then().statusCode(401);
    }
}
