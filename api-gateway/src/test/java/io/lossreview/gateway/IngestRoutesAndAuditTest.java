package io.lossreview.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ingest routes × roles, Stripe without a token, and the audit log of attempted writes. */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class IngestRoutesAndAuditTest {

    private static final List<String> ALL = List.of(Roles.ADMIN, Roles.OPS, Roles.EXECUTIVE, Roles.SOURCE_SYSTEM);

    private static io.restassured.specification.RequestSpecification as(String role) {
        return given().auth().oauth2(Tokens.of("user-" + role, role));
    }

    @Test
    void onlySourceSystemsSubmitEvents() {
        given().contentType("application/cloudevents+json").body("{}").post("/api/v1/events").then().statusCode(401);
        for (String role : ALL) {
            as(role).contentType("application/cloudevents+json").body("{}").post("/api/v1/events").then()
                    .statusCode(role.equals(Roles.SOURCE_SYSTEM) ? 503 : 403);
        }
    }

    @Test
    void rejectedEventsForOpsAndFxRatesAndOpeningBalancesForAdmins() {
        for (String role : ALL) {
            boolean ops = role.equals(Roles.OPS) || role.equals(Roles.ADMIN);
            as(role).get("/api/v1/rejected-events").then().statusCode(ops ? 503 : 403);
            as(role).contentType("application/json").body("{}")
                    .post("/api/v1/rejected-events/" + UUID.randomUUID() + "/replay").then().statusCode(ops ? 503 : 403);
            as(role).contentType("text/csv").body("date,currency,rate\n").put("/api/v1/fx-rates").then()
                    .statusCode(role.equals(Roles.ADMIN) ? 503 : 403);
            as(role).contentType("text/csv").body("customerId,subscriptionId,mrr,currency\n")
                    .put("/api/v1/subscriptions/opening-balance?asOf=2025-01-01").then().statusCode(role.equals(Roles.ADMIN) ? 503 : 403);
        }
    }

    @Test
    void stripeNeedsNoTokenItsSignatureIsCheckedDownstream() {
        given().contentType("application/json").header("Stripe-Signature", "t=1,v1=abc").body("{}")
                .post("/api/v1/webhooks/stripe").then().statusCode(503);
    }

    @Test
    void attemptedWritesAreAuditedAndOnlyAdminsReadTheLog() {
        as(Roles.ADMIN).contentType("text/csv").body("date,currency,rate\n").put("/api/v1/fx-rates").then().statusCode(503);
        given().auth().oauth2(Tokens.of("audit.admin", Roles.ADMIN)).get("/api/v1/audit?principal=user-admin").then()
                .statusCode(200).body("action", hasItem("load-fx-rates")).body("[0].status", equalTo(503));
        as(Roles.OPS).get("/api/v1/audit").then().statusCode(403);
        as(Roles.ADMIN).get("/api/v1/audit?size=5000").then().statusCode(400);
    }

    @Test
    void refusedAttemptsAreAuditedWithWhoAndWhat() throws Exception {
        given().auth().oauth2(Tokens.of("refused.ops", Roles.OPS)).get("/api/v1/audit").then().statusCode(403);
        var foreignKey = java.security.KeyPairGenerator.getInstance("RSA");
        foreignKey.initialize(2048);
        String forged = io.smallrye.jwt.build.Jwt.issuer("https://loss-review.local").upn("mallory\u0000x")
                .groups(java.util.Set.of(Roles.ADMIN)).expiresIn(600).sign(foreignKey.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/v1/audit").then().statusCode(401);

        var admin = given().auth().oauth2(Tokens.of("audit.admin", Roles.ADMIN));
        admin.get("/api/v1/audit?principal=refused.ops").then().statusCode(200)
                .body("[0].action", equalTo("refused")).body("[0].status", equalTo(403))
                .body("[0].path", equalTo("/api/v1/audit")).body("[0].method", equalTo("GET"));
        given().auth().oauth2(Tokens.of("audit.admin", Roles.ADMIN)).get("/api/v1/audit?principal=unverified:malloryx")
                .then().statusCode(200).body("[0].action", equalTo("refused")).body("[0].status", equalTo(401))
                .body("[0].roles", equalTo(""));
    }
}
