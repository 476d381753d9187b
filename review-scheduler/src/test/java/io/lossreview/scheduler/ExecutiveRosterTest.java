package io.lossreview.scheduler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The roster: create, update, defaults, and clear answers to bad input. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "database", value = "scheduler_test"))
class ExecutiveRosterTest {

    @Test
    void executivesAreCreatedUpdatedAndListed() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Dana Reyes\",\"email\":\"dana@example.com\",\"segments\":[\"ENTERPRISE\"],\"regions\":[\"EMEA\"]}")
                .put("/executives/dana").then().statusCode(200).body("capacity", equalTo(3)).body("active", equalTo(true));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Dana Reyes\",\"email\":\"dana@example.com\",\"capacity\":5,\"active\":false}")
                .put("/executives/dana").then().statusCode(200).body("capacity", equalTo(5));
        given().get("/executives/dana").then().statusCode(200).body("active", equalTo(false));
        given().get("/executives").then().statusCode(200).body("id", hasItem("dana"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"X\",\"email\":\"not-an-email\",\"capacity\":-1}")
                .put("/executives/x").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("email")).body("violations.field", hasItem("capacity"));
        given().contentType(ContentType.JSON).body("{\"name\":\"X\",\"email\":\"x@example.com\"}")
                .put("/executives/Bad Id!").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"name\":\"Lee\",\"email\":\"lee@example.com\"}")
                .put("/executives/lee").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"name\":\"Other\",\"email\":\"LEE@example.com\"}")
                .put("/executives/other").then().statusCode(400).body("violations[0].rule", equalTo("unique"));
        given().get("/executives/nobody").then().statusCode(404);
    }

    @Test
    void textPostgresqlWouldRefuseIsA400NotA500() {
        given().contentType(ContentType.JSON).body("{\"name\":\"Nul\\u0000Name\",\"email\":\"nul@example.com\"}")
                .put("/executives/nul").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("/name")).body("violations[0].rule", equalTo("control-character"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\\ud800\",\"email\":\"s@example.com\"}")
                .put("/executives/surrogate").then().statusCode(400).body("violations[0].rule", equalTo("unpaired-surrogate"));
        given().contentType(ContentType.JSON).body("{\"name\":\"A\",\"name\":\"B\",\"email\":\"d@example.com\"}")
                .put("/executives/twice").then().statusCode(400).body("violations[0].rule", equalTo("json"));
        given().get("/executives/nul").then().statusCode(404);
    }
}
