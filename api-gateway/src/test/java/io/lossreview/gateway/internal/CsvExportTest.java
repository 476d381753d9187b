package io.lossreview.gateway.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A list route answers CSV to a caller who prefers it (Accept), JSON to everyone else. */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = FakeServices.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class CsvExportTest {

    @Test
    void theRankingAsASpreadsheetSafeDownload() {
        String ops = Tokens.of("ops.olga", Roles.OPS);
        String csv = given().auth().oauth2(ops).accept("text/csv").get("/api/v1/months/2025-12/causes").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", equalTo("attachment; filename=\"causes-2025-12.csv\""))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(String.join("\r\n",
                "rank,cause,label,customers,arrLost,vsPriorMonth.customers,vsPriorMonth.arrLost",
                "1,PRICE,\"Price, budget\",3,1200.50,-2,-12.50",
                "2,OTHER,\"'=HYPERLINK(\"\"http://x\"\")\",1,0.00,1,30.00", ""), csv);
    }

    @Test
    void jsonStaysTheAnswerUnlessCsvIsPreferred() {
        String ops = Tokens.of("ops.olga", Roles.OPS);
        given().auth().oauth2(ops).get("/api/v1/months/2025-12/causes").then().statusCode(200)
                .contentType(startsWith("application/json")).body("causes[0].cause", equalTo("PRICE"));
        given().auth().oauth2(ops).accept("application/json, text/csv;q=0.5").get("/api/v1/months/2025-12/causes").then()
                .statusCode(200).contentType(startsWith("application/json"));
        given().auth().oauth2(ops).accept("text/html").get("/api/v1/months/2025-12/causes").then().statusCode(406);
    }
}
