package io.lossreview.gateway.internal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lossreview.gateway.security.Roles;
import io.lossreview.gateway.support.TestKeys;
import io.lossreview.gateway.support.Tokens;
import io.lossreview.testing.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The month dashboard is fetched once for a burst of viewers, and never served stale after a change made through the
 * gateway or after its second is up.
 */
@QuarkusTest
@WithTestResource(value = TestKeys.class)
@WithTestResource(value = FakeServices.class)
@WithTestResource(value = LocalStackResource.class, initArgs = {@ResourceArg(name = "database", value = "gateway_test"), @ResourceArg(name = "kafka", value = "false")})
class DashboardCacheTest {

    private static final String MONTH = "2024-04";

    @Test
    void keptForASecondAndDroppedByAWrite() throws Exception {
        String ops = Tokens.of("ops.olga", Roles.OPS);
        String executive = Tokens.of("ava", Roles.EXECUTIVE);
        FakeServices.RECEIVED.clear();
        dashboard(ops);
        dashboard(executive);
        dashboard(ops);
        assertEquals(3, dashboardCalls(), "three viewers, one fetch: summary, causes, assignments");

        given().auth().oauth2(ops).contentType("application/json").body("{\"status\":\"DONE\"}")
                .put("/api/v1/actions/" + UUID.randomUUID()).then().statusCode(200);
        dashboard(ops);
        assertEquals(6, dashboardCalls(), "a write through the gateway drops what was kept");

        Thread.sleep(1_100);
        dashboard(ops);
        assertEquals(9, dashboardCalls(), "after its second, the dashboard is fetched again");
    }

    @Test
    void refusedCallersGetNothingKept() {
        String month = "2024-05"; // its own month: the test above counts the calls for MONTH
        given().auth().oauth2(Tokens.of("ops.olga", Roles.OPS)).get("/api/v1/months/" + month + "/dashboard").then().statusCode(200);
        given().auth().oauth2(Tokens.of("billing", Roles.SOURCE_SYSTEM)).get("/api/v1/months/" + month + "/dashboard")
                .then().statusCode(403);
        given().get("/api/v1/months/" + month + "/dashboard").then().statusCode(401);
    }

    private static void dashboard(String token) {
        given().auth().oauth2(token).get("/api/v1/months/" + MONTH + "/dashboard").then().statusCode(200)
                .body("month", equalTo(MONTH)).body("causes[0].cause", equalTo("PRICE"));
    }

    private static long dashboardCalls() {
        return FakeServices.RECEIVED.stream().filter(c -> c.path().startsWith("/months/" + MONTH)
                || c.path().equals("/assignments") && c.query() != null && c.query().contains("month=" + MONTH)).count();
    }
}
