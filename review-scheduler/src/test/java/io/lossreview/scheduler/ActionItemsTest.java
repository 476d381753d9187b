package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.lossreview.contracts.Topics;
import io.lossreview.scheduler.support.AnalyzerUp;
import io.lossreview.testing.DefaultTestCaller;
import io.lossreview.testing.LocalStackResource;
import io.lossreview.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Action items: opened, changed, listed by status, announced on loss.review, bad input refused. The
 * analyzer is up: a cause is checked against its taxonomy versions.
 */
@QuarkusTest
@TestProfile(AnalyzerUp.class)
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class ActionItemsTest {

    @ConfigProperty(name = "loss.topic-prefix")
    String prefix;

    @Test
    void anActionIsTrackedUntilDone() {
        String id = given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ceo.sam"))
                .body("{\"cause\":\"support\",\"description\":\"Staff a weekend support rota\",\"owner\":\"VP Support\","
                        + "\"dueDate\":\"2026-05-31\",\"openedMonth\":\"2026-03\"}")
                .post("/actions").then().statusCode(201).body("cause", equalTo("SUPPORT")).body("status", equalTo("OPEN"))
                .extract().path("id");
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("vp.support")).body("{\"status\":\"DONE\"}")
                .put("/actions/" + id).then().statusCode(200).body("status", equalTo("DONE"))
                .body("owner", equalTo("VP Support")).body("updatedBy", equalTo("vp.support"));
        given().get("/actions?status=done").then().statusCode(200).body("id", hasItem(id));
        new TestKafka(prefix).await(Topics.LOSS_REVIEW, 2, r -> id.equals(r.key()), Duration.ofSeconds(30));
    }

    @Test
    void overdueIsOneRuleOpenAndPastItsDueDate() {
        String late = open("2021-01-31");
        String later = open("2099-01-31");
        given().get("/actions").then().statusCode(200)
                .body("find { it.id == '" + late + "' }.overdue", equalTo(true))
                .body("find { it.id == '" + later + "' }.overdue", equalTo(false));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("vp.support")).body("{\"status\":\"IN_PROGRESS\"}")
                .put("/actions/" + late).then().statusCode(200).body("overdue", equalTo(true));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("vp.support")).body("{\"status\":\"CANCELLED\"}")
                .put("/actions/" + late).then().statusCode(200).body("overdue", equalTo(false)); // done with: never overdue
    }

    private static String open(String due) {
        return given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ceo.sam"))
                .body("{\"cause\":\"price\",\"description\":\"Review the price list\",\"owner\":\"CFO\","
                        + "\"dueDate\":\"" + due + "\"}")
                .post("/actions").then().statusCode(201).extract().path("id");
    }

    @Test
    void badActionsAreRefused() {
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("ceo.sam")).body("{\"cause\":\"\",\"owner\":\"x\"}")
                .post("/actions").then().statusCode(400).body("violations.field", hasItem("cause"))
                .body("violations.field", hasItem("dueDate"));
        given().get("/actions?status=someday").then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).body("{\"cause\":\"NOPE_NOT_A_CAUSE\",\"description\":\"d\",\"owner\":\"o\","
                + "\"dueDate\":\"2030-01-01\"}").post("/actions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("cause"))
                .body("violations[0].rule", equalTo("taxonomy")).body("violations[0].message", containsString("PRICE"));
        given().get("/actions").then().statusCode(200).body("cause", not(hasItem("NOPE_NOT_A_CAUSE")));
        given().contentType(ContentType.JSON).body("{\"cause\":\"PRICE\",\"description\":\"d\",\"owner\":\"o\","
                + "\"dueDate\":\"+99999-12-31\"}").post("/actions").then().statusCode(400)
                .body("violations[0].field", equalTo("dueDate")).body("violations[0].rule", equalTo("date-range"));
        given().contentType(ContentType.JSON).body("{\"cause\":\"PRICE\",\"description\":\"nul\\u0000here\",\"owner\":\"o\","
                + "\"dueDate\":\"2030-01-01\"}").post("/actions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].rule", equalTo("control-character"));
        // Wrong JSON types and unknown enum values: a problem naming the field, never an empty body.
        given().contentType(ContentType.JSON).body("{\"status\":\"SOMEDAY\"}").put("/actions/" + java.util.UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("/status"));
        given().contentType(ContentType.JSON).body("{\"cause\":\"PRICE\",\"description\":\"d\",\"owner\":\"o\",\"dueDate\":[1]}")
                .post("/actions").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("/dueDate"));
        given().urlEncodingEnabled(false).get("/executives/a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].rule", equalTo("control-character"));
        given().contentType(ContentType.JSON).header("Authorization", DefaultTestCaller.as("x")).body("{\"status\":\"DONE\"}")
                .put("/actions/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
