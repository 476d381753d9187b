package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The analyzer is down (the default test profile): no action is created on a cause nobody could check. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class ActionsWithoutAnalyzerTest {

    @Test
    void anActionWhoseCauseCannotBeCheckedIsNotCreated() {
        String description = "Unchecked " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"cause\":\"PRICE\",\"description\":\"" + description
                        + "\",\"owner\":\"o\",\"dueDate\":\"2030-01-01\"}").post("/actions")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:lossreview:problem:unavailable")).body("detail", containsString("defection-analyzer"));
        given().get("/actions").then().statusCode(200).body("description", not(hasItem(description)));
    }
}
