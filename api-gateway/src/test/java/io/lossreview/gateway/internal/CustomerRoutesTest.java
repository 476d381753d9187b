package io.lossreview.gateway.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import org.junit.jupiter.api.Test;

/**
 * A customer's story joins the analyzer's losses with the scheduler's calls, masks contact data for executives,
 * is audited; search and review-queue parameters are checked before anything leaves the gateway.
 */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = FakeServices.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class CustomerRoutesTest {

    @Test
    void theStoryHoldsTheLossesTheirCauseHistoryAndTheCallsAboutThem() {
        String ops = Tokens.of("ops.story", Roles.OPS);
        given().auth().oauth2(ops).get("/api/v1/customers/cus_1").then().statusCode(200)
                .body("accountName", equalTo("Acme Corp"))
                .body("defections[0].causeHistory.cause", equalTo(java.util.List.of("OTHER", "PRICE")))
                .body("calls[0].executiveId", equalTo("ava"))
                .body("defections[0].defection.defection.contact.email", equalTo("noah@acme.example"));
        assertTrue(FakeServices.RECEIVED.stream().anyMatch(c -> c.path().equals("/assignments")
                && "customerId=cus_1".equals(c.query())), "the scheduler is asked for that customer's calls only");
        given().auth().oauth2(Tokens.of("audit.admin", Roles.ADMIN)).get("/api/v1/audit?principal=ops.story").then()
                .statusCode(200).body("action", hasItem("read-contact-data")).body("target", hasItem("cus_1"));
    }

    @Test
    void anExecutiveReadsTheStoryWithTheContactMasked() {
        given().auth().oauth2(Tokens.of("exec.story", Roles.EXECUTIVE)).get("/api/v1/customers/cus_1").then().statusCode(200)
                .body("defections[0].defection.defection.contact.name", equalTo("Noah Lopez"))
                .body("defections[0].defection.defection.contact.email", equalTo("n•••@acme.example"))
                .body("defections[0].defection.defection.contact.phone", equalTo("•••40"));
    }

    @Test
    void searchAndQueueParametersAreCheckedHere() {
        String ops = Tokens.of("ops.search", Roles.OPS);
        given().auth().oauth2(ops).queryParam("q", "  ").get("/api/v1/customers").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("violations[0].field", equalTo("q"));
        given().auth().oauth2(ops).get("/api/v1/customers?q=" + "a".repeat(101)).then().statusCode(400);
        given().auth().oauth2(ops).get("/api/v1/customers?q=acme&limit=0").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(ops).get("/api/v1/customers?q=acme&customerId=x").then().statusCode(400)
                .body("violations[0].field", equalTo("customerId"));
        given().auth().oauth2(ops).get("/api/v1/customers/" + "c".repeat(129)).then().statusCode(400)
                .body("violations[0].field", equalTo("customerId"));
        given().auth().oauth2(ops).get("/api/v1/review-queue?words=maybe").then().statusCode(400)
                .body("violations[0].field", equalTo("words"));
        given().auth().oauth2(ops).get("/api/v1/customers?q=acme").then().statusCode(200);
        assertTrue(FakeServices.RECEIVED.stream().anyMatch(c -> c.path().equals("/customers")
                && c.query().contains("q=acme")), "the trimmed query reaches the analyzer");
    }

    @Test
    void bulkAcceptIsForOpsAndAudited() {
        given().auth().oauth2(Tokens.of("exec.bulk", Roles.EXECUTIVE)).contentType("application/json")
                .body("{\"ids\":[]}").post("/api/v1/review-queue/accept").then().statusCode(403);
        given().auth().oauth2(Tokens.of("ops.bulk", Roles.OPS)).contentType("application/json")
                .body("{\"ids\":[\"7d0f6a55-1b7f-4a57-9d64-3f3a3a0b8f01\"]}").post("/api/v1/review-queue/accept")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("audit.admin", Roles.ADMIN)).get("/api/v1/audit?principal=ops.bulk").then()
                .statusCode(200).body("action", hasItem("accept-suggestions"));
    }
}
